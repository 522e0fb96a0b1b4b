-- rename-and-drop
--
-- Changes:
--   drop column order.total
--   drop index idx_order_user_id on order
--   rename column user.email to mail

alter table "ORDER" drop constraint fk_order_user_id;

drop index idx_order_user_id;

alter table "ORDER" drop column total;

alter table "USER" rename column email to mail;

alter table "ORDER" add constraint fk_order_user_id foreign key (user_id) references "USER" (id) on delete cascade;
