-- rename-column-drop-index
--
-- Changes:
--   rename column user.email to mail
--   drop index idx_user_email on user
--
-- Caution:
--   breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration

-- jpa-migrate:accept-file JML106 no statement timeout configured (statementTimeout); lock_timeout 5s bounds every wait for a lock
set local lock_timeout = '5s';

-- jpa-migrate:accept JML109 breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration
alter table "user" rename column email to mail;

-- ==== follow-up migration (executeInTransaction=false) ====
-- rename-column-drop-index (follow-up)
--
-- Changes:
--   drop index idx_user_email on user

-- jpa-migrate:accept-file JML106 no statement timeout configured (statementTimeout); lock_timeout 5s bounds every wait for a lock
set lock_timeout = '5s';

-- jpa-migrate:accept JML130 this follow-up runs outside a transaction (executeInTransaction=false) and each statement in it may run again: after a failure, fix the cause and run Flyway again
drop index concurrently if exists idx_user_email;
