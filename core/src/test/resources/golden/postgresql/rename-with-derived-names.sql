-- rename-with-derived-names
--
-- Changes:
--   rename table order to purchase
--   rename column user.email to mail

alter table "order" rename to purchase;

alter table purchase rename constraint order_pkey to purchase_pkey;

alter table "user" rename column email to mail;

alter index idx_user_email rename to idx_user_mail;

alter table "user" rename constraint uk_user_login_email to uk_user_login_mail;

alter index idx_order_user_id rename to idx_purchase_user_id;

alter table purchase rename constraint fk_order_user_id to fk_purchase_user_id;
