-- rename-with-derived-index-names
--
-- Changes:
--   rename table user to member
--   rename column member.email to mail
--
-- Caution:
--   breaks the running old version: it still reads user; expand/contract: create member (or a view user over it), copy in batches, release, then drop the old name in a later migration
--   breaks the running old version: it still reads member.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration

set local lock_timeout = '5s';

set local statement_timeout = '1min';

-- jpa-migrate:accept JML108 breaks the running old version: it still reads user; expand/contract: create member (or a view user over it), copy in batches, release, then drop the old name in a later migration
alter table "user" rename to member;

alter table member rename constraint user_pkey to member_pkey;

alter table member rename constraint uk_user_login to uk_member_login;

-- jpa-migrate:accept JML109 breaks the running old version: it still reads member.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration
alter table member rename column email to mail;

alter index idx_user_email rename to idx_member_mail;

alter index idx_user_login_email rename to idx_member_login_mail;
