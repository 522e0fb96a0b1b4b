-- rename-column-drop-index
--
-- Changes:
--   rename column user.email to mail
--   drop index idx_user_email on user
--
-- Caution:
--   breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration

set local lock_timeout = '5s';

set local statement_timeout = '1min';

-- jpa-migrate:accept JML109 breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration
alter table "user" rename column email to mail;

-- ==== follow-up migration (executeInTransaction=false) ====
-- rename-column-drop-index (follow-up)
--
-- Changes:
--   drop index idx_user_email on user

set lock_timeout = '5s';

set statement_timeout = 0;

-- jpa-migrate:accept JML130 this follow-up runs outside a transaction (executeInTransaction=false) and each statement in it may run again: after a failure, fix the cause and run Flyway again
drop index concurrently if exists idx_user_email;
