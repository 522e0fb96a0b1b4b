-- drop-renamed-column
--
-- Changes:
--   drop column user.mail
--
-- Caution:
--   breaks the running old version if it still maps user.mail; expand/contract: release the code that no longer reads it first, drop it in a later migration

set session lock_wait_timeout = 5;

-- jpa-migrate:accept JML110 breaks the running old version if it still maps user.mail; expand/contract: release the code that no longer reads it first, drop it in a later migration
alter table `user` drop column mail, algorithm=instant;
