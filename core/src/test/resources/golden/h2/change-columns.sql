-- change-columns
--
-- Changes:
--   change column order.total: type numeric(38,2) -> float(53)
--   change column user.email: type varchar(255) -> varchar(320), now not null
--
-- Caution:
--   converts existing values numeric(38,2) -> float(53); rows that do not convert make this fail

-- converts existing values numeric(38,2) -> float(53); rows that do not convert make this fail
alter table "ORDER" alter column total set data type float(53);

update "USER" set email = 'unknown' where email is null;

alter table "USER" alter column email set data type varchar(320);

alter table "USER" alter column email set not null;
