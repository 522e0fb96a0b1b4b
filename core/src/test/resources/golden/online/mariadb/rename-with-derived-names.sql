-- rename-with-derived-names
--
-- Changes:
--   rename table order to purchase
--   rename column user.email to mail
--
-- Caution:
--   breaks the running old version: it still reads order; expand/contract: create purchase (or a view order over it), copy in batches, release, then drop the old name in a later migration
--   breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration
--   copies purchase while it runs, checking every row: the server adds a foreign key in place only with foreign_key_checks off, which leaves the existing rows unchecked

set session lock_wait_timeout = 5;

-- jpa-migrate:accept JML108 breaks the running old version: it still reads order; expand/contract: create purchase (or a view order over it), copy in batches, release, then drop the old name in a later migration
alter table `order` rename to purchase, algorithm=instant;

-- jpa-migrate:accept JML109 breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration
alter table `user` rename column email to mail, algorithm=instant;

alter table `user` rename index idx_user_email to idx_user_mail, algorithm=instant;

alter table `user` rename index uk_user_login_email to uk_user_login_mail, algorithm=instant;

alter table purchase rename index idx_order_user_id to idx_purchase_user_id, algorithm=instant;

alter table purchase drop foreign key fk_order_user_id, drop index if exists fk_order_user_id, algorithm=inplace, lock=none;

-- copies purchase while it runs, checking every row: the server adds a foreign key in place only with foreign_key_checks off, which leaves the existing rows unchecked
-- jpa-migrate:accept JML122 breaks the running old version: it still reads order; expand/contract: create purchase (or a view order over it), copy in batches, release, then drop the old name in a later migration
-- jpa-migrate:accept JML123 breaks the running old version: it still reads order; expand/contract: create purchase (or a view order over it), copy in batches, release, then drop the old name in a later migration
alter table purchase add constraint fk_purchase_user_id foreign key (user_id) references `user` (id) on delete cascade;
