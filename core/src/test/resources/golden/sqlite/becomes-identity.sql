-- becomes-identity
--
-- Changes:
--   change column order.id: now an identity column

pragma foreign_keys = off;

savepoint jm_migration;

create table jm_new_order (
    id integer not null,
    user_id bigint not null,
    total numeric(38,2),
    primary key (id),
    constraint fk_order_user_id foreign key (user_id) references "user" (id) on delete cascade
);

insert into jm_new_order (id, user_id, total)
    select id, user_id, total from "order";

drop table "order";

alter table jm_new_order rename to "order";

create index idx_order_user_id on "order" (user_id);

create temp table jm_foreign_key_check (violation_found integer not null);

insert into jm_foreign_key_check select null from pragma_foreign_key_check limit 1;

drop table jm_foreign_key_check;

release jm_migration;

pragma foreign_keys = on;
