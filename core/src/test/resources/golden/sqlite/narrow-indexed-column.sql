-- narrow-indexed-column
--
-- Changes:
--   change column user.email: type varchar(255) -> varchar(100)

pragma foreign_keys = off;

savepoint jm_migration;

create table jm_new_user (
    id integer not null,
    login varchar(255) not null unique,
    email varchar(100),
    primary key (id)
);

insert into jm_new_user (id, login, email)
    select id, login, email from "user";

drop table "user";

alter table jm_new_user rename to "user";

create index idx_user_email on "user" (email);

create temp table jm_foreign_key_check (violation_found integer not null);

insert into jm_foreign_key_check select null from pragma_foreign_key_check limit 1;

drop table jm_foreign_key_check;

release jm_migration;

pragma foreign_keys = on;
