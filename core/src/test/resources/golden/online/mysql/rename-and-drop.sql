-- rename-and-drop
--
-- Changes:
--   drop column order.total
--   drop index idx_order_user_id on order
--   rename column user.email to mail
--
-- Caution:
--   breaks the running old version if it still maps order.total; expand/contract: release the code that no longer reads it first, drop it in a later migration
--   breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration

set session lock_wait_timeout = 5;

-- jpa-migrate:accept JML122 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
-- jpa-migrate:accept JML123 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
alter table `order` drop foreign key fk_order_user_id;

drop index idx_order_user_id on `order`;

-- jpa-migrate:accept JML110 breaks the running old version if it still maps order.total; expand/contract: release the code that no longer reads it first, drop it in a later migration
-- jpa-migrate:accept JML122 breaks the running old version if it still maps order.total; expand/contract: release the code that no longer reads it first, drop it in a later migration
-- jpa-migrate:accept JML123 breaks the running old version if it still maps order.total; expand/contract: release the code that no longer reads it first, drop it in a later migration
alter table `order` drop column total;

-- jpa-migrate:accept JML109 breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration
-- jpa-migrate:accept JML122 breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration
-- jpa-migrate:accept JML123 breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration
alter table `user` rename column email to mail;

-- jpa-migrate:accept JML122 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
-- jpa-migrate:accept JML123 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
alter table `order` add constraint fk_order_user_id foreign key (user_id) references `user` (id) on delete cascade;
