-- rename-into-dropped-column
--
-- Changes:
--   rename column user.contact to email
--   drop column user.email

alter table "USER" drop column email;

alter table "USER" rename column contact to email;
