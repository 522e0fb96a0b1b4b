-- change-columns
--
-- Changes:
--   change column order.total: type decimal(38,2) -> float(53)
--   change column user.email: type varchar(255) -> varchar(320), now not null
--
-- Caution:
--   converts existing values decimal(38,2) -> float(53); rows that do not convert make this fail
--   copies order while it runs
--   type change decimal(38,2) -> float(53) may rewrite order under a lock and break the running old version; expand/contract: add a new column of type float(53), write both and backfill in batches, release, then drop total in a later migration
--   type change varchar(255) -> varchar(320) may rewrite user under a lock and break the running old version; expand/contract: add a new column of type varchar(320), write both and backfill in batches, release, then drop email in a later migration
--   may copy user while it runs

set session lock_wait_timeout = 5;

-- converts existing values decimal(38,2) -> float(53); rows that do not convert make this fail
-- copies order while it runs
-- jpa-migrate:accept JML107 type change decimal(38,2) -> float(53) may rewrite order under a lock and break the running old version; expand/contract: add a new column of type float(53), write both and backfill in batches, release, then drop total in a later migration
-- jpa-migrate:accept JML122 type change decimal(38,2) -> float(53) may rewrite order under a lock and break the running old version; expand/contract: add a new column of type float(53), write both and backfill in batches, release, then drop total in a later migration
-- jpa-migrate:accept JML123 type change decimal(38,2) -> float(53) may rewrite order under a lock and break the running old version; expand/contract: add a new column of type float(53), write both and backfill in batches, release, then drop total in a later migration
alter table `order` modify column total float(53);

-- type change varchar(255) -> varchar(320) may rewrite user under a lock and break the running old version; expand/contract: add a new column of type varchar(320), write both and backfill in batches, release, then drop email in a later migration
update `user` set email = 'unknown' where email is null;

-- may copy user while it runs
-- jpa-migrate:accept JML107 type change varchar(255) -> varchar(320) may rewrite user under a lock and break the running old version; expand/contract: add a new column of type varchar(320), write both and backfill in batches, release, then drop email in a later migration
-- jpa-migrate:accept JML122 type change varchar(255) -> varchar(320) may rewrite user under a lock and break the running old version; expand/contract: add a new column of type varchar(320), write both and backfill in batches, release, then drop email in a later migration
-- jpa-migrate:accept JML123 type change varchar(255) -> varchar(320) may rewrite user under a lock and break the running old version; expand/contract: add a new column of type varchar(320), write both and backfill in batches, release, then drop email in a later migration
alter table `user` modify column email varchar(320) not null;
