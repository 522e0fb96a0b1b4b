-- V1: initial schema
--
-- Changes:
--   add table customer
--   add table order
--   add sequence customer_seq

create table customer (
    id bigint not null,
    email varchar(255) not null unique,
    name varchar(100),
    status varchar(255) check (status in ('NEW','ACTIVE')),
    primary key (id)
);

create table "order" (
    id integer not null,
    customer_id bigint not null,
    total numeric(38,2),
    primary key (id),
    constraint fk_order_customer_id foreign key (customer_id) references customer (id) on delete cascade
);

create table customer_seq (next_val bigint);

insert into customer_seq values ( 1 );

create index idx_customer_name on customer (name);
