-- rename-with-derived-index-names
--
-- Changes:
--   rename table user to member
--   rename column member.email to mail

drop index idx_user_email;

drop index idx_user_login_email;

alter table "user" rename to member;

alter table member rename column email to mail;

create index idx_member_mail on member (mail);

create unique index idx_member_login_mail on member (login, mail desc);
