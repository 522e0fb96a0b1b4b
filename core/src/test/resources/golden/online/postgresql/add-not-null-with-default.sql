-- add-not-null-with-default
--
-- Changes:
--   add column user.role varchar(20) not null default 'user'

set local lock_timeout = '5s';

set local statement_timeout = '1min';

alter table "user" add column role varchar(20) default 'user' not null;
