-- rename-into-dropped-column
--
-- Changes:
--   rename column user.contact to email
--   drop column user.email

alter table `user` drop column email;

alter table `user` rename column contact to email;
