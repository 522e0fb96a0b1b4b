-- drop-all
--
-- Changes:
--   drop table order
--   drop table user
--   drop sequence order_SEQ

alter table `order` drop foreign key fk_order_user_id, drop index if exists fk_order_user_id;

drop table `order`;

drop table `user`;

drop sequence order_SEQ;
