-- add-columns
--
-- Changes:
--   add column user.phone varchar(32)
--   add column user.role varchar(20) not null default 'user'
--   add column user.age integer not null

alter table "USER" add column phone varchar(32);

alter table "USER" add column role varchar(20) default 'user' not null;

alter table "USER" add column age integer;

update "USER" set age = 0 where age is null;

alter table "USER" alter column age set not null;
