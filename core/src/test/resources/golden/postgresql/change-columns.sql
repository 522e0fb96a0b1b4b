-- change-columns
--
-- Changes:
--   change column order.total: type numeric(38,2) -> float(53)
--   change column user.email: type varchar(255) -> varchar(320), now not null
--
-- Caution:
--   casts existing values numeric(38,2) -> float(53); rows that do not convert make this fail
--   rewrites order under an exclusive lock

-- casts existing values numeric(38,2) -> float(53); rows that do not convert make this fail
-- rewrites order under an exclusive lock
alter table "order" alter column total type float(53) using total::float(53);

update "user" set email = 'unknown' where email is null;

alter table "user" alter column email type varchar(320);

alter table "user" alter column email set not null;
