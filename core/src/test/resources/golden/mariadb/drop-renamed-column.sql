-- drop-renamed-column
--
-- Changes:
--   drop column user.mail

alter table `user` drop column mail;
