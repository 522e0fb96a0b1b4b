-- U2: undo V2: longer names and a phone
--
-- Changes:
--   change column customer.name: type varchar(200) -> varchar(100)
--   drop column customer.phone

pragma foreign_keys = off;

savepoint jm_migration;

create table jm_new_customer (
    id bigint not null,
    email varchar(255) not null unique,
    name varchar(100),
    status varchar(255) check (status in ('NEW','ACTIVE')),
    primary key (id)
);

insert into jm_new_customer (id, email, name, status)
    select id, email, name, status from customer;

drop table customer;

alter table jm_new_customer rename to customer;

create index idx_customer_name on customer (name);

create temp table jm_foreign_key_check (violation_found integer not null);

insert into jm_foreign_key_check select null from pragma_foreign_key_check limit 1;

drop table jm_foreign_key_check;

release jm_migration;

pragma foreign_keys = on;
