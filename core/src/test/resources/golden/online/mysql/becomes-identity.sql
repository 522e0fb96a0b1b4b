-- becomes-identity
--
-- Changes:
--   change column order.id: now an identity column

set session lock_wait_timeout = 5;

alter table `order` modify column id bigint not null auto_increment;
