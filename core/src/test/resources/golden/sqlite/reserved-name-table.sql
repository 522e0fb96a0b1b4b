-- reserved-name-table
--
-- Changes:
--   add table user

create table "user" (
    id integer not null,
    login varchar(255) not null unique,
    email varchar(255),
    primary key (id)
);

create index idx_user_email on "user" (email);
