-- narrow-indexed-column
--
-- Changes:
--   change column user.email: type varchar(255) -> varchar(100)
--
-- Caution:
--   type change varchar(255) -> varchar(100) may rewrite user under a lock and break the running old version; expand/contract: add a new column of type varchar(100), write both and backfill in batches, release, then drop email in a later migration

set local lock_timeout = '5s';

set local statement_timeout = '1min';

-- jpa-migrate:accept JML107 type change varchar(255) -> varchar(100) may rewrite user under a lock and break the running old version; expand/contract: add a new column of type varchar(100), write both and backfill in batches, release, then drop email in a later migration
alter table "user" alter column email type varchar(100);
