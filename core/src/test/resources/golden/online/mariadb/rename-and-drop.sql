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
--   copies order while it runs, checking every row: the server adds a foreign key in place only with foreign_key_checks off, which leaves the existing rows unchecked

set session lock_wait_timeout = 5;

alter table `order` drop foreign key fk_order_user_id, drop index if exists fk_order_user_id, algorithm=inplace, lock=none;

drop index idx_order_user_id on `order`;

-- jpa-migrate:accept JML110 breaks the running old version if it still maps order.total; expand/contract: release the code that no longer reads it first, drop it in a later migration
alter table `order` drop column total, algorithm=instant;

-- jpa-migrate:accept JML109 breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration
alter table `user` rename column email to mail, algorithm=instant;

-- jpa-migrate:accept JML122 copies order while it runs, checking every row: the server adds a foreign key in place only with foreign_key_checks off, which leaves the existing rows unchecked
-- jpa-migrate:accept JML123 copies order while it runs, checking every row: the server adds a foreign key in place only with foreign_key_checks off, which leaves the existing rows unchecked
alter table `order` add constraint fk_order_user_id foreign key (user_id) references `user` (id) on delete cascade;
