-- create-all
--
-- Changes:
--   add table order
--   add table user
--   add sequence order_SEQ

set session lock_wait_timeout = 5;

create table `user` (
    id bigint not null auto_increment,
    login varchar(255) not null,
    email varchar(255),
    status enum ('ACTIVE','NEW'),
    created_at datetime(6),
    primary key (id),
    constraint uk_user_login unique (login)
);

create table `order` (
    id bigint not null,
    user_id bigint not null,
    total decimal(38,2),
    primary key (id),
    index idx_order_user_id (user_id),
    constraint fk_order_user_id foreign key (user_id) references `user` (id) on delete cascade
);

create table order_SEQ (next_val bigint);

insert into order_SEQ values ( 1 );
