-- narrow-indexed-column
--
-- Changes:
--   change column user.email: type varchar(255) -> varchar(100)

alter table "USER" alter column email set data type varchar(100);
