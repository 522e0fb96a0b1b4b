-- constraints
--
-- Changes:
--   add foreign key order(user_id) -> user
--   drop foreign key order(user_id) -> user on delete cascade
--   change column user.login: no longer unique
--   add unique constraint on user(login, email)
--   add check on user: login <> ''
--   change sequence order_SEQ (start 1 -> 1, increment 50 -> 100)

pragma foreign_keys = off;

savepoint jm_migration;

create table jm_new_order (
    id bigint not null,
    user_id bigint not null,
    total numeric(38,2),
    primary key (id),
    constraint fk_order_user_id foreign key (user_id) references "user" (id)
);

insert into jm_new_order (id, user_id, total)
    select id, user_id, total from "order";

drop table "order";

alter table jm_new_order rename to "order";

create index idx_order_user_id on "order" (user_id);

create table jm_new_user (
    id integer not null,
    login varchar(255) not null,
    email varchar(255),
    status varchar(255) check (status in ('NEW','ACTIVE')),
    created_at timestamp,
    primary key (id),
    constraint ck_user_login check (login <> '')
);

insert into jm_new_user (id, login, email, status, created_at)
    select id, login, email, status, created_at from "user";

drop table "user";

alter table jm_new_user rename to "user";

create unique index uk_user_login_email on "user" (login, email);

create temp table jm_foreign_key_check (violation_found integer not null);

insert into jm_foreign_key_check select null from pragma_foreign_key_check limit 1;

drop table jm_foreign_key_check;

release jm_migration;

pragma foreign_keys = on;
