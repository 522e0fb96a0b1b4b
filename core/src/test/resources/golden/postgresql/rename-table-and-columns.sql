-- rename-table-and-columns
--
-- Changes:
--   rename table user to member
--   rename column member.login to handle
--   rename column member.status to state

alter table "user" drop constraint ck_user_status;

alter table "user" rename to member;

alter table member rename constraint user_pkey to member_pkey;

alter table member rename constraint uk_user_login to uk_member_login;

alter table member rename column login to handle;

alter table member rename constraint uk_member_login to uk_member_handle;

alter table member rename column status to state;

alter table member add constraint ck_member_state check (state in ('NEW','ACTIVE'));
