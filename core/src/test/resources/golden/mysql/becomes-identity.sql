-- becomes-identity
--
-- Changes:
--   change column order.id: now an identity column

alter table `order` modify column id bigint not null auto_increment;
