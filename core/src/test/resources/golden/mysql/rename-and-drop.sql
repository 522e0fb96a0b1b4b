-- rename-and-drop
--
-- Changes:
--   drop column order.total
--   drop index idx_order_user_id on order
--   rename column user.email to mail

alter table `order` drop foreign key fk_order_user_id;

drop index idx_order_user_id on `order`;

alter table `order` drop column total;

alter table `user` rename column email to mail;

alter table `order` add constraint fk_order_user_id foreign key (user_id) references `user` (id) on delete cascade;
