-- rename-table-and-columns
--
-- Changes:
--   rename table user to member
--   rename column member.login to handle
--   rename column member.status to state
--
-- Caution:
--   breaks the running old version: it still reads member.status; expand/contract: add state, write both and backfill in batches, release, then drop status in a later migration
--   breaks the running old version: it still reads user; expand/contract: create member (or a view user over it), copy in batches, release, then drop the old name in a later migration
--   breaks the running old version: it still reads member.login; expand/contract: add handle, write both and backfill in batches, release, then drop login in a later migration

set local lock_timeout = '5s';

set local statement_timeout = '1min';

-- breaks the running old version: it still reads member.status; expand/contract: add state, write both and backfill in batches, release, then drop status in a later migration
alter table "user" drop constraint ck_user_status;

-- jpa-migrate:accept JML108 breaks the running old version: it still reads user; expand/contract: create member (or a view user over it), copy in batches, release, then drop the old name in a later migration
alter table "user" rename to member;

alter table member rename constraint user_pkey to member_pkey;

alter table member rename constraint uk_user_login to uk_member_login;

-- jpa-migrate:accept JML109 breaks the running old version: it still reads member.login; expand/contract: add handle, write both and backfill in batches, release, then drop login in a later migration
alter table member rename column login to handle;

alter table member rename constraint uk_member_login to uk_member_handle;

-- jpa-migrate:accept JML109 breaks the running old version: it still reads member.status; expand/contract: add state, write both and backfill in batches, release, then drop status in a later migration
alter table member rename column status to state;

alter table member add constraint ck_member_state check (state in ('NEW','ACTIVE')) not valid;

-- ==== follow-up migration (executeInTransaction=false) ====
-- rename-table-and-columns (follow-up)
--
-- Changes:
--   rename column member.status to state

set lock_timeout = '5s';

set statement_timeout = 0;

-- jpa-migrate:accept JML131 this follow-up runs outside a transaction (executeInTransaction=false): the constraint added NOT VALID is committed, and its short lock released, before the validating scan
alter table member validate constraint ck_member_state;
