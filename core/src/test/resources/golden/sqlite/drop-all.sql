-- drop-all
--
-- Changes:
--   drop table order
--   drop table user
--   drop sequence order_SEQ

pragma foreign_keys = off;

savepoint jm_migration;

drop table "order";

drop table "user";

drop table order_SEQ;

create temp table jm_foreign_key_check (violation_found integer not null);

insert into jm_foreign_key_check select null from pragma_foreign_key_check limit 1;

drop table jm_foreign_key_check;

release jm_migration;

pragma foreign_keys = on;
