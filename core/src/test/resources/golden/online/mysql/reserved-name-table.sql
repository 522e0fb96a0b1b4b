-- reserved-name-table
--
-- Changes:
--   add table user

set session lock_wait_timeout = 5;

create table `user` (
    id bigint not null auto_increment,
    login varchar(255) not null,
    email varchar(255),
    primary key (id),
    constraint uk_user_login unique (login),
    index idx_user_email (email)
);
