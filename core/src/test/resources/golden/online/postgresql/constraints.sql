-- constraints
--
-- Changes:
--   add foreign key order(user_id) -> user
--   drop foreign key order(user_id) -> user on delete cascade
--   change column user.login: no longer unique
--   add unique constraint on user(login, email)
--   add check on user: login <> ''
--   change sequence order_SEQ (start 1 -> 1, increment 50 -> 100)

set local lock_timeout = '5s';

set local statement_timeout = '1min';

alter table "order" drop constraint fk_order_user_id;

alter table "user" drop constraint uk_user_login;

alter sequence order_SEQ increment by 100;

alter table "user" add constraint ck_user_login check (login <> '') not valid;

alter table "order" add constraint fk_order_user_id foreign key (user_id) references "user" (id) not valid;

-- ==== follow-up migration (executeInTransaction=false) ====
-- constraints (follow-up)
--
-- Changes:
--   add unique constraint on user(login, email)
--   add foreign key order(user_id) -> user
--   add check on user: login <> ''
--
-- Caution:
--   an index left INVALID by an earlier, failed run of this migration is dropped first

set lock_timeout = '5s';

set statement_timeout = 0;

-- an index left INVALID by an earlier, failed run of this migration is dropped first
-- jpa-migrate:accept JML130 this follow-up runs outside a transaction (executeInTransaction=false) and each statement in it may run again: after a failure, fix the cause and run Flyway again
drop index concurrently if exists uk_user_login_email;

-- jpa-migrate:accept JML130 this follow-up runs outside a transaction (executeInTransaction=false) and each statement in it may run again: after a failure, fix the cause and run Flyway again
create unique index concurrently uk_user_login_email on "user" (login, email);

-- jpa-migrate:accept JML131 this follow-up runs outside a transaction (executeInTransaction=false): the constraint added NOT VALID is committed, and its short lock released, before the validating scan
alter table "order" validate constraint fk_order_user_id;

-- jpa-migrate:accept JML131 this follow-up runs outside a transaction (executeInTransaction=false): the constraint added NOT VALID is committed, and its short lock released, before the validating scan
alter table "user" validate constraint ck_user_login;

alter table "user" add constraint uk_user_login_email unique using index uk_user_login_email;
