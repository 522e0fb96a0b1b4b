-- rename-into-dropped-names
--
-- Changes:
--   rename table archive_v2 to archive
--   rename column user.contact to email
--   drop column user.email
--   drop table archive

alter table `user` drop column email;

drop table archive;

alter table archive_v2 rename to archive;

alter table `user` rename column contact to email;
