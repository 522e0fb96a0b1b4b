-- add-not-null-with-default
--
-- Changes:
--   add column user.role varchar(20) not null default 'user'

-- jpa-migrate:accept-file JML106 no statement timeout configured (statementTimeout); lock_timeout 5s bounds every wait for a lock
set local lock_timeout = '5s';

alter table "user" add column role varchar(20) default 'user' not null;
