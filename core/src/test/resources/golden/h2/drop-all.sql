-- drop-all
--
-- Changes:
--   drop table order
--   drop table user
--   drop sequence order_SEQ

alter table "ORDER" drop constraint fk_order_user_id;

drop table "ORDER";

drop table "USER";

drop sequence order_SEQ;
