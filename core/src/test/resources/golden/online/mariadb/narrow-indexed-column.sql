-- narrow-indexed-column
--
-- Changes:
--   change column user.email: type varchar(255) -> varchar(100)
--
-- Caution:
--   may copy user while it runs
--   type change varchar(255) -> varchar(100) may rewrite user under a lock and break the running old version; expand/contract: add a new column of type varchar(100), write both and backfill in batches, release, then drop email in a later migration

set session lock_wait_timeout = 5;

-- may copy user while it runs
-- jpa-migrate:accept JML107 type change varchar(255) -> varchar(100) may rewrite user under a lock and break the running old version; expand/contract: add a new column of type varchar(100), write both and backfill in batches, release, then drop email in a later migration
-- jpa-migrate:accept JML122 type change varchar(255) -> varchar(100) may rewrite user under a lock and break the running old version; expand/contract: add a new column of type varchar(100), write both and backfill in batches, release, then drop email in a later migration
-- jpa-migrate:accept JML123 type change varchar(255) -> varchar(100) may rewrite user under a lock and break the running old version; expand/contract: add a new column of type varchar(100), write both and backfill in batches, release, then drop email in a later migration
alter table `user` modify column email varchar(100);
