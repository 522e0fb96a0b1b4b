-- becomes-identity
--
-- Changes:
--   change column order.id: now an identity column

set session lock_wait_timeout = 5;

-- jpa-migrate:accept JML122 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
-- jpa-migrate:accept JML123 no in-place form is written for this change on MariaDB/MySQL: the server may copy the table, waiting at most lock_wait_timeout for its lock
alter table `order` modify column id bigint not null auto_increment;
