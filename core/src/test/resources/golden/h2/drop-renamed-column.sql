-- drop-renamed-column
--
-- Changes:
--   drop column user.mail

alter table "USER" drop column mail;
