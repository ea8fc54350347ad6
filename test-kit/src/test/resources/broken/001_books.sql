-- revision: 001_books
-- message: Books

-- +upgrade
CREATE TABLE books (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL);

-- +downgrade
DROP TABLE books;
