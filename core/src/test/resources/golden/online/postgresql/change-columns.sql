-- change-columns
--
-- Changes:
--   change column order.total: type numeric(38,2) -> float(53)
--   change column user.email: type varchar(255) -> varchar(320), now not null
--
-- Caution:
--   casts existing values numeric(38,2) -> float(53); rows that do not convert make this fail
--   rewrites order under an exclusive lock
--   type change numeric(38,2) -> float(53) may rewrite order under a lock and break the running old version; expand/contract: add a new column of type float(53), write both and backfill in batches, release, then drop total in a later migration
--   type change varchar(255) -> varchar(320) may rewrite user under a lock and break the running old version; expand/contract: add a new column of type varchar(320), write both and backfill in batches, release, then drop email in a later migration

set local lock_timeout = '5s';

set local statement_timeout = '1min';

-- casts existing values numeric(38,2) -> float(53); rows that do not convert make this fail
-- rewrites order under an exclusive lock
-- jpa-migrate:accept JML107 type change numeric(38,2) -> float(53) may rewrite order under a lock and break the running old version; expand/contract: add a new column of type float(53), write both and backfill in batches, release, then drop total in a later migration
alter table "order" alter column total type float(53) using total::float(53);

-- jpa-migrate:accept JML107 type change varchar(255) -> varchar(320) may rewrite user under a lock and break the running old version; expand/contract: add a new column of type varchar(320), write both and backfill in batches, release, then drop email in a later migration
alter table "user" alter column email type varchar(320);

-- ==== follow-up migration (executeInTransaction=false) ====
-- change-columns (follow-up)
--
-- Changes:
--   change column user.email: type varchar(255) -> varchar(320), now not null

set lock_timeout = '5s';

set statement_timeout = 0;

-- jpa-migrate:accept JML121 fills user.email where it is null (the value declared with -Djpamigrate.backfill or its default) before the NOT NULL that needs it; the update touches only those rows
update "user" set email = 'unknown' where email is null;

alter table "user" drop constraint if exists nn_user_email;

alter table "user" add constraint nn_user_email check (email is not null) not valid;

-- jpa-migrate:accept JML131 this follow-up runs outside a transaction (executeInTransaction=false): the constraint added NOT VALID is committed, and its short lock released, before the validating scan
alter table "user" validate constraint nn_user_email;

alter table "user" alter column email set not null;

alter table "user" drop constraint if exists nn_user_email;
