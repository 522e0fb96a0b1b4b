-- enum-grows
--
-- Changes:
--   change enum com.acme.Status constants [NEW, ACTIVE] -> [NEW, ACTIVE, CLOSED]
--
-- Caution:
--   may copy user while it runs

set session lock_wait_timeout = 5;

-- may copy user while it runs
alter table `user` modify column status enum ('ACTIVE','CLOSED','NEW');
