-- drop-all
--
-- Changes:
--   drop table order
--   drop table user
--   drop sequence order_SEQ
--
-- Caution:
--   breaks the running old version if it still maps order; expand/contract: release the code that no longer reads it first, drop it in a later migration
--   breaks the running old version if it still maps user; expand/contract: release the code that no longer reads it first, drop it in a later migration

set session lock_wait_timeout = 5;

-- breaks the running old version if it still maps order; expand/contract: release the code that no longer reads it first, drop it in a later migration
alter table `order` drop foreign key fk_order_user_id, drop index if exists fk_order_user_id, algorithm=inplace, lock=none;

-- jpa-migrate:accept JML111 breaks the running old version if it still maps order; expand/contract: release the code that no longer reads it first, drop it in a later migration
drop table `order`;

-- jpa-migrate:accept JML111 breaks the running old version if it still maps user; expand/contract: release the code that no longer reads it first, drop it in a later migration
drop table `user`;

drop sequence order_SEQ;
