-- rename-with-derived-names
--
-- Changes:
--   rename table order to purchase
--   rename column user.email to mail

alter table `order` rename to purchase;

alter table `user` rename column email to mail;

alter table `user` rename index idx_user_email to idx_user_mail;

alter table `user` rename index uk_user_login_email to uk_user_login_mail;

alter table purchase rename index idx_order_user_id to idx_purchase_user_id;

alter table purchase drop foreign key fk_order_user_id, drop index if exists fk_order_user_id;

alter table purchase add constraint fk_purchase_user_id foreign key (user_id) references `user` (id) on delete cascade;
