-- enum-grows
--
-- Changes:
--   change enum com.acme.Status constants [NEW, ACTIVE] -> [NEW, ACTIVE, CLOSED]

alter table "USER" alter column status set data type enum ('ACTIVE','CLOSED','NEW');
