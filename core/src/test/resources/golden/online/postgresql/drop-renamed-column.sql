-- drop-renamed-column
--
-- Changes:
--   drop column user.mail
--
-- Caution:
--   breaks the running old version if it still maps user.mail; expand/contract: release the code that no longer reads it first, drop it in a later migration

set local lock_timeout = '5s';

set local statement_timeout = '1min';

-- jpa-migrate:accept JML110 breaks the running old version if it still maps user.mail; expand/contract: release the code that no longer reads it first, drop it in a later migration
alter table "user" drop column mail;
