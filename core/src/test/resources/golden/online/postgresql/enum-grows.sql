-- enum-grows
--
-- Changes:
--   change enum com.acme.Status constants [NEW, ACTIVE] -> [NEW, ACTIVE, CLOSED]

set local lock_timeout = '5s';

set local statement_timeout = '1min';

alter table "user" drop constraint ck_user_status;

alter table "user" add constraint ck_user_status check (status in ('NEW','ACTIVE','CLOSED')) not valid;

-- ==== follow-up migration (executeInTransaction=false) ====
-- enum-grows (follow-up)
--
-- Changes:
--   change enum com.acme.Status constants [NEW, ACTIVE] -> [NEW, ACTIVE, CLOSED]

set lock_timeout = '5s';

set statement_timeout = 0;

-- jpa-migrate:accept JML131 this follow-up runs outside a transaction (executeInTransaction=false): the constraint added NOT VALID is committed, and its short lock released, before the validating scan
alter table "user" validate constraint ck_user_status;
