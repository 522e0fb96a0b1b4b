-- add-not-null-with-default
--
-- Changes:
--   add column user.role varchar(20) not null default 'user'

alter table "user" add column role varchar(20) not null default 'user';
