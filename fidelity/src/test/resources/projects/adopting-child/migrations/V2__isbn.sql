/* the authors' migration for the child's new column */
ALTER TABLE book ADD COLUMN isbn varchar(20);
