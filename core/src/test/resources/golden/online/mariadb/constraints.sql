-- constraints
--
-- Changes:
--   add foreign key order(user_id) -> user
--   drop foreign key order(user_id) -> user on delete cascade
--   change column user.login: no longer unique
--   add unique constraint on user(login, email)
--   add check on user: login <> ''
--   change sequence order_SEQ (start 1 -> 1, increment 50 -> 100)

set session lock_wait_timeout = 5;

-- jpa-migrate:accept JML122 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
-- jpa-migrate:accept JML123 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
alter table `order` drop foreign key fk_order_user_id, drop index if exists fk_order_user_id;

-- jpa-migrate:accept JML122 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
-- jpa-migrate:accept JML123 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
alter table `user` drop index uk_user_login;

alter sequence order_SEQ increment by 100;

-- jpa-migrate:accept JML122 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
-- jpa-migrate:accept JML123 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
alter table `user` add constraint uk_user_login_email unique (login, email);

-- jpa-migrate:accept JML122 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
-- jpa-migrate:accept JML123 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
alter table `user` add constraint ck_user_login check (login <> '');

-- jpa-migrate:accept JML122 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
-- jpa-migrate:accept JML123 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
alter table `order` add constraint fk_order_user_id foreign key (user_id) references `user` (id);
