-- becomes-identity
--
-- Changes:
--   change column order.id: now an identity column
--
-- Caution:
--   copies order while it runs: the server has no in-place form for this change

set session lock_wait_timeout = 5;

-- jpa-migrate:accept JML122 copies order while it runs: the server has no in-place form for this change
-- jpa-migrate:accept JML123 copies order while it runs: the server has no in-place form for this change
alter table `order` modify column id bigint not null auto_increment;
