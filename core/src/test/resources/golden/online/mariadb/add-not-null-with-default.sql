-- add-not-null-with-default
--
-- Changes:
--   add column user.role varchar(20) not null default 'user'

set session lock_wait_timeout = 5;

alter table `user` add column role varchar(20) not null default 'user', algorithm=instant;
