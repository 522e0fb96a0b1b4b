-- add-columns
--
-- Changes:
--   add column user.phone varchar(32)
--   add column user.role varchar(20) not null default 'user'
--   add column user.age integer not null

pragma foreign_keys = off;

savepoint jm_migration;

create table jm_new_user (
    id integer not null,
    login varchar(255) not null unique,
    email varchar(255),
    status varchar(255) check (status in ('NEW','ACTIVE')),
    created_at timestamp,
    phone varchar(32),
    role varchar(20) not null default 'user',
    age integer not null,
    primary key (id)
);

insert into jm_new_user (id, login, email, status, created_at, age)
    select id, login, email, status, created_at, 0 from "user";

drop table "user";

alter table jm_new_user rename to "user";

create temp table jm_foreign_key_check (violation_found integer not null);

insert into jm_foreign_key_check select null from pragma_foreign_key_check limit 1;

drop table jm_foreign_key_check;

release jm_migration;

pragma foreign_keys = on;
