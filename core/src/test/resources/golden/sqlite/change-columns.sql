-- change-columns
--
-- Changes:
--   change column order.total: type numeric(38,2) -> float
--   change column user.email: type varchar(255) -> varchar(320), now not null

pragma foreign_keys = off;

savepoint jm_migration;

create table jm_new_order (
    id bigint not null,
    user_id bigint not null,
    total float,
    primary key (id),
    constraint fk_order_user_id foreign key (user_id) references "user" (id) on delete cascade
);

insert into jm_new_order (id, user_id, total)
    select id, user_id, total from "order";

drop table "order";

alter table jm_new_order rename to "order";

create index idx_order_user_id on "order" (user_id);

create table jm_new_user (
    id integer not null,
    login varchar(255) not null unique,
    email varchar(320) not null,
    status varchar(255) check (status in ('NEW','ACTIVE')),
    created_at timestamp,
    primary key (id)
);

insert into jm_new_user (id, login, email, status, created_at)
    select id, login, coalesce(email, 'unknown'), status, created_at from "user";

drop table "user";

alter table jm_new_user rename to "user";

create temp table jm_foreign_key_check (violation_found integer not null);

insert into jm_foreign_key_check select null from pragma_foreign_key_check limit 1;

drop table jm_foreign_key_check;

release jm_migration;

pragma foreign_keys = on;
