-- rename-table-and-columns
--
-- Changes:
--   rename table user to member
--   rename column member.login to handle
--   rename column member.status to state
--
-- Caution:
--   breaks the running old version: it still reads user; expand/contract: create member (or a view user over it), copy in batches, release, then drop the old name in a later migration
--   breaks the running old version: it still reads member.login; expand/contract: add handle, write both and backfill in batches, release, then drop login in a later migration
--   breaks the running old version: it still reads member.status; expand/contract: add state, write both and backfill in batches, release, then drop status in a later migration

set session lock_wait_timeout = 5;

-- jpa-migrate:accept JML108 breaks the running old version: it still reads user; expand/contract: create member (or a view user over it), copy in batches, release, then drop the old name in a later migration
alter table `user` rename to member, algorithm=instant;

alter table member rename index uk_user_login to uk_member_login, algorithm=instant;

-- jpa-migrate:accept JML109 breaks the running old version: it still reads member.login; expand/contract: add handle, write both and backfill in batches, release, then drop login in a later migration
alter table member rename column login to handle, algorithm=instant;

alter table member rename index uk_member_login to uk_member_handle, algorithm=instant;

-- jpa-migrate:accept JML109 breaks the running old version: it still reads member.status; expand/contract: add state, write both and backfill in batches, release, then drop status in a later migration
alter table member rename column status to state, algorithm=instant;
