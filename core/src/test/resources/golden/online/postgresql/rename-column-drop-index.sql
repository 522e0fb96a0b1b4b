-- rename-column-drop-index
--
-- Changes:
--   rename column user.email to mail
--   drop index idx_user_email on user
--
-- Caution:
--   breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration

set local lock_timeout = '5s';

drop index idx_user_email;

-- breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration
alter table "user" rename column email to mail;
