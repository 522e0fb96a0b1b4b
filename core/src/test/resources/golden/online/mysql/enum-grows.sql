-- enum-grows
--
-- Changes:
--   change enum com.acme.Status constants [NEW, ACTIVE] -> [NEW, ACTIVE, CLOSED]
--
-- Caution:
--   may copy user while it runs

set session lock_wait_timeout = 5;

-- jpa-migrate:accept JML107 may copy user while it runs; the enum com.acme.Status changes constants [NEW, ACTIVE] -> [NEW, ACTIVE, CLOSED]: members move (enum (...) lists them by name), so the table is copied
-- jpa-migrate:accept JML122 may copy user while it runs
-- jpa-migrate:accept JML123 may copy user while it runs
alter table `user` modify column status enum ('ACTIVE','CLOSED','NEW');
