-- narrow-indexed-column
--
-- Changes:
--   change column user.email: type varchar(255) -> varchar(100)

alter table "user" alter column email type varchar(100);
