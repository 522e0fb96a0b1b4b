-- drop-all
--
-- Changes:
--   drop table order
--   drop table user
--   drop sequence order_SEQ

alter table "order" drop constraint fk_order_user_id;

drop table "order";

drop table "user";

drop sequence order_SEQ;
