-- rename-and-drop
--
-- Changes:
--   drop column order.total
--   drop index idx_order_user_id on order
--   rename column user.email to mail

drop index idx_order_user_id;

alter table "order" drop column total;

alter table "user" rename column email to mail;
