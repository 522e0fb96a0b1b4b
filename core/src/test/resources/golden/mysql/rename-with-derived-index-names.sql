-- rename-with-derived-index-names
--
-- Changes:
--   rename table user to member
--   rename column member.email to mail

alter table `user` rename to member;

alter table member rename index uk_user_login to uk_member_login;

alter table member rename column email to mail;

alter table member rename index idx_user_email to idx_member_mail;

alter table member rename index idx_user_login_email to idx_member_login_mail;
