-- add-columns
--
-- Changes:
--   add column user.phone varchar(32)
--   add column user.role varchar(20) not null default 'user'
--   add column user.age integer not null

set session lock_wait_timeout = 5;

alter table `user` add column phone varchar(32), algorithm=instant;

alter table `user` add column role varchar(20) not null default 'user', algorithm=instant;

alter table `user` add column age integer, algorithm=instant;

update `user` set age = 0 where age is null;

alter table `user` modify column age integer not null, algorithm=inplace, lock=none;
