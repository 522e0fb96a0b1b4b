-- add-columns
--
-- Changes:
--   add column user.phone varchar(32)
--   add column user.role varchar(20) not null default 'user'
--   add column user.age integer not null

set local lock_timeout = '5s';

set local statement_timeout = '1min';

alter table "user" add column phone varchar(32);

alter table "user" add column role varchar(20) default 'user' not null;

alter table "user" add column age integer;

-- ==== follow-up migration (executeInTransaction=false) ====
-- add-columns (follow-up)
--
-- Changes:
--   add column user.age integer not null

set lock_timeout = '5s';

set statement_timeout = 0;

-- jpa-migrate:accept JML121 fills user.age where it is null (the value declared with -Djpamigrate.backfill or its default) before the NOT NULL that needs it; the update touches only those rows
update "user" set age = 0 where age is null;

alter table "user" drop constraint if exists nn_user_age;

alter table "user" add constraint nn_user_age check (age is not null) not valid;

-- jpa-migrate:accept JML131 this follow-up runs outside a transaction (executeInTransaction=false): the constraint added NOT VALID is committed, and its short lock released, before the validating scan
alter table "user" validate constraint nn_user_age;

alter table "user" alter column age set not null;

alter table "user" drop constraint if exists nn_user_age;
