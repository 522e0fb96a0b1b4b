-- rename-into-dropped-names
--
-- Changes:
--   rename table archive_v2 to archive
--   rename column user.contact to email
--   drop column user.email
--   drop table archive
--
-- Caution:
--   breaks the running old version if it still maps user.email; expand/contract: release the code that no longer reads it first, drop it in a later migration
--   breaks the running old version if it still maps archive; expand/contract: release the code that no longer reads it first, drop it in a later migration
--   breaks the running old version: it still reads archive_v2; expand/contract: create archive (or a view archive_v2 over it), copy in batches, release, then drop the old name in a later migration
--   breaks the running old version: it still reads user.contact; expand/contract: add email, write both and backfill in batches, release, then drop contact in a later migration

set session lock_wait_timeout = 5;

-- jpa-migrate:accept JML110 breaks the running old version if it still maps user.email; expand/contract: release the code that no longer reads it first, drop it in a later migration
alter table `user` drop column email, algorithm=instant;

-- jpa-migrate:accept JML111 breaks the running old version if it still maps archive; expand/contract: release the code that no longer reads it first, drop it in a later migration
drop table archive;

-- jpa-migrate:accept JML108 breaks the running old version: it still reads archive_v2; expand/contract: create archive (or a view archive_v2 over it), copy in batches, release, then drop the old name in a later migration
alter table archive_v2 rename to archive, algorithm=instant;

-- jpa-migrate:accept JML109 breaks the running old version: it still reads user.contact; expand/contract: add email, write both and backfill in batches, release, then drop contact in a later migration
alter table `user` rename column contact to email, algorithm=instant;
