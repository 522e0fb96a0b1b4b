-- rename-with-derived-names
--
-- Changes:
--   rename table order to purchase
--   rename column user.email to mail

drop index idx_order_user_id;

drop index idx_user_email;

drop index uk_user_login_email;

alter table "order" rename to purchase;

alter table "user" rename column email to mail;

create index idx_purchase_user_id on purchase (user_id);

create index idx_user_mail on "user" (mail desc);

create unique index uk_user_login_mail on "user" (login, mail);
