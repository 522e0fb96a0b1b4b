-- rename-into-dropped-names
--
-- Changes:
--   rename table archive_v2 to archive
--   rename column user.contact to email
--   drop column user.email
--   drop table archive

pragma foreign_keys = off;

savepoint jm_migration;

drop table archive;

alter table archive_v2 rename to archive;

alter table "user" drop column email;

alter table "user" rename column contact to email;

create temp table jm_foreign_key_check (violation_found integer not null);

insert into jm_foreign_key_check select null from pragma_foreign_key_check limit 1;

drop table jm_foreign_key_check;

release jm_migration;

pragma foreign_keys = on;
