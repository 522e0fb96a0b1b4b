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

set local lock_timeout = '5s';

set local statement_timeout = '1min';

-- breaks the running old version if it still maps order; expand/contract: release the code that no longer reads it first, drop it in a later migration
alter table "order" drop constraint fk_order_user_id;

-- jpa-migrate:accept JML111 breaks the running old version if it still maps order; expand/contract: release the code that no longer reads it first, drop it in a later migration
drop table "order";

-- jpa-migrate:accept JML111 breaks the running old version if it still maps user; expand/contract: release the code that no longer reads it first, drop it in a later migration
drop table "user";

drop sequence order_SEQ;
