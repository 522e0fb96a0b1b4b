-- rename-with-derived-index-names
--
-- Changes:
--   rename table user to member
--   rename column member.email to mail

alter table "USER" rename to member;

alter table member rename constraint uk_user_login to uk_member_login;

alter table member rename column email to mail;

alter index idx_user_email rename to idx_member_mail;

alter index idx_user_login_email rename to idx_member_login_mail;
