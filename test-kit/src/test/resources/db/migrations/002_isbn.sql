-- revision: 002_isbn
-- revises: 001_books
-- message: ISBN

-- +upgrade
ALTER TABLE books ADD COLUMN isbn text UNIQUE;

-- +downgrade
ALTER TABLE books DROP COLUMN isbn;
