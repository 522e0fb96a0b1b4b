-- constraints
--
-- Changes:
--   add foreign key order(user_id) -> user
--   drop foreign key order(user_id) -> user on delete cascade
--   change column user.login: no longer unique
--   add unique constraint on user(login, email)
--   add check on user: login <> ''
--   change sequence order_SEQ (start 1 -> 1, increment 50 -> 100)
--
-- Caution:
--   copies user while it runs: the server has no in-place form for this change
--   copies order while it runs, checking every row: the server adds a foreign key in place only with foreign_key_checks off, which leaves the existing rows unchecked

set session lock_wait_timeout = 5;

alter table `order` drop foreign key fk_order_user_id, algorithm=inplace, lock=none;

alter table `user` drop index uk_user_login, algorithm=inplace, lock=none;

alter table `user` add constraint uk_user_login_email unique (login, email), algorithm=inplace, lock=none;

-- jpa-migrate:accept JML122 copies user while it runs: the server has no in-place form for this change
-- jpa-migrate:accept JML123 copies user while it runs: the server has no in-place form for this change
alter table `user` add constraint ck_user_login check (login <> '');

-- jpa-migrate:accept JML122 copies order while it runs, checking every row: the server adds a foreign key in place only with foreign_key_checks off, which leaves the existing rows unchecked
-- jpa-migrate:accept JML123 copies order while it runs, checking every row: the server adds a foreign key in place only with foreign_key_checks off, which leaves the existing rows unchecked
alter table `order` add constraint fk_order_user_id foreign key (user_id) references `user` (id);
