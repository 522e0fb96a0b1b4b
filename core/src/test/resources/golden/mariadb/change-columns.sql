-- change-columns
--
-- Changes:
--   change column order.total: type decimal(38,2) -> float(53)
--   change column user.email: type varchar(255) -> varchar(320), now not null
--
-- Caution:
--   converts existing values decimal(38,2) -> float(53); rows that do not convert make this fail
--   copies order while it runs
--   may copy user while it runs

-- converts existing values decimal(38,2) -> float(53); rows that do not convert make this fail
-- copies order while it runs
alter table `order` modify column total float(53);

update `user` set email = 'unknown' where email is null;

-- may copy user while it runs
alter table `user` modify column email varchar(320) not null;
