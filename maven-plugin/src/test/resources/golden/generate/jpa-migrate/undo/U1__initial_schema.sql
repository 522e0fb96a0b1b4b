-- U1: undo V1: initial schema
--
-- Changes:
--   drop table customer
--   drop table order
--   drop sequence customer_seq

pragma foreign_keys = off;

savepoint jm_migration;

drop table customer;

drop table "order";

drop table customer_seq;

create temp table jm_foreign_key_check (violation_found integer not null);

insert into jm_foreign_key_check select null from pragma_foreign_key_check limit 1;

drop table jm_foreign_key_check;

release jm_migration;

pragma foreign_keys = on;
