-- narrow-indexed-column
--
-- Changes:
--   change column user.email: type varchar(255) -> varchar(100)
--
-- Caution:
--   may copy user while it runs

-- may copy user while it runs
alter table `user` modify column email varchar(100);
