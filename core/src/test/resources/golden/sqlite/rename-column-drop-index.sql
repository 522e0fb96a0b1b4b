-- rename-column-drop-index
--
-- Changes:
--   rename column user.email to mail
--   drop index idx_user_email on user

drop index idx_user_email;

alter table "user" rename column email to mail;
