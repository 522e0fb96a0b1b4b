-- create-all
--
-- Changes:
--   add table order
--   add table user
--   add sequence order_SEQ

create table "order" (
    id bigint not null,
    user_id bigint not null,
    total numeric(38,2),
    primary key (id),
    constraint fk_order_user_id foreign key (user_id) references "user" (id) on delete cascade
);

create table "user" (
    id integer not null,
    login varchar(255) not null unique,
    email varchar(255),
    status varchar(255) check (status in ('NEW','ACTIVE')),
    created_at timestamp,
    primary key (id)
);

create table order_SEQ (next_val bigint);

insert into order_SEQ values ( 1 );

create index idx_order_user_id on "order" (user_id);
