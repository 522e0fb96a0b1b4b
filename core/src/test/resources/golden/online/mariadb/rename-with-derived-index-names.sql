-- rename-with-derived-index-names
--
-- Changes:
--   rename table user to member
--   rename column member.email to mail
--
-- Caution:
--   breaks the running old version: it still reads user; expand/contract: create member (or a view user over it), copy in batches, release, then drop the old name in a later migration
--   breaks the running old version: it still reads member.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration

set session lock_wait_timeout = 5;

-- jpa-migrate:accept JML108 breaks the running old version: it still reads user; expand/contract: create member (or a view user over it), copy in batches, release, then drop the old name in a later migration
alter table `user` rename to member, algorithm=instant;

alter table member rename index uk_user_login to uk_member_login, algorithm=instant;

-- jpa-migrate:accept JML109 breaks the running old version: it still reads member.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration
alter table member rename column email to mail, algorithm=instant;

alter table member rename index idx_user_email to idx_member_mail, algorithm=instant;

alter table member rename index idx_user_login_email to idx_member_login_mail, algorithm=instant;
