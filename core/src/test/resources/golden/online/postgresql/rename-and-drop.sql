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

set local lock_timeout = '5s';

set local statement_timeout = '1min';

-- jpa-migrate:accept JML110 breaks the running old version if it still maps order.total; expand/contract: release the code that no longer reads it first, drop it in a later migration
alter table "order" drop column total;

-- jpa-migrate:accept JML109 breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration
alter table "user" rename column email to mail;

-- ==== follow-up migration (executeInTransaction=false) ====
-- rename-and-drop (follow-up)
--
-- Changes:
--   drop index idx_order_user_id on order

set lock_timeout = '5s';

set statement_timeout = 0;

-- jpa-migrate:accept JML130 this follow-up runs outside a transaction (executeInTransaction=false) and each statement in it may run again: after a failure, fix the cause and run Flyway again
drop index concurrently if exists idx_order_user_id;
