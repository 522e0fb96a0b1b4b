-- rename-with-derived-names
--
-- Changes:
--   rename table order to purchase
--   rename column user.email to mail
--
-- Caution:
--   breaks the running old version: it still reads order; expand/contract: create purchase (or a view order over it), copy in batches, release, then drop the old name in a later migration
--   breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration

set local lock_timeout = '5s';

set local statement_timeout = '1min';

-- jpa-migrate:accept JML108 breaks the running old version: it still reads order; expand/contract: create purchase (or a view order over it), copy in batches, release, then drop the old name in a later migration
alter table "order" rename to purchase;

alter table purchase rename constraint order_pkey to purchase_pkey;

-- jpa-migrate:accept JML109 breaks the running old version: it still reads user.email; expand/contract: add mail, write both and backfill in batches, release, then drop email in a later migration
alter table "user" rename column email to mail;

alter index idx_user_email rename to idx_user_mail;

alter table "user" rename constraint uk_user_login_email to uk_user_login_mail;

alter index idx_order_user_id rename to idx_purchase_user_id;

alter table purchase rename constraint fk_order_user_id to fk_purchase_user_id;
