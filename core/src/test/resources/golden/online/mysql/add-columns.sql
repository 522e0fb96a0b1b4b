-- add-columns
--
-- Changes:
--   add column user.phone varchar(32)
--   add column user.role varchar(20) not null default 'user'
--   add column user.age integer not null

set session lock_wait_timeout = 5;

alter table `user` add column phone varchar(32), algorithm=instant;

alter table `user` add column role varchar(20) not null default 'user', algorithm=instant;

-- jpa-migrate:accept JML122 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
-- jpa-migrate:accept JML123 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
alter table `user` add column age integer;

update `user` set age = 0 where age is null;

-- jpa-migrate:accept JML122 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
-- jpa-migrate:accept JML123 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
alter table `user` modify column age integer not null;
