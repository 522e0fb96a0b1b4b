-- drop-renamed-column
--
-- Changes:
--   drop column user.mail
--
-- Caution:
--   breaks the running old version if it still maps user.mail; expand/contract: release the code that no longer reads it first, drop it in a later migration

-- jpa-migrate:accept-file JML106 no statement timeout configured (statementTimeout); lock_timeout 5s bounds every wait for a lock
set local lock_timeout = '5s';

-- jpa-migrate:accept JML110 breaks the running old version if it still maps user.mail; expand/contract: release the code that no longer reads it first, drop it in a later migration
alter table "user" drop column mail;
