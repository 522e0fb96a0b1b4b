-- rename-column-drop-index
--
-- Changes:
--   rename column user.email to mail
--   drop index idx_user_email on user
--
-- Caution:
--   breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration

set session lock_wait_timeout = 5;

drop index idx_user_email on `user`;

-- jpa-migrate:accept JML109 breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration
alter table `user` rename column email to mail, algorithm=inplace, lock=none;
