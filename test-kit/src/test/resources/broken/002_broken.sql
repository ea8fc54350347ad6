-- revision: 002_broken
-- revises: 001_books

-- +upgrade
ALTER TABLE books ADD COLUMN isbn text;
ALTER TABLE no_such_table ADD COLUMN x int;

-- +downgrade
ALTER TABLE books DROP COLUMN isbn;
