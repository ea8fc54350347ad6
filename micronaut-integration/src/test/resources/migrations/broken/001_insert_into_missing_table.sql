-- revision: 001_insert_into_missing_table
-- revises: 000_create_widgets
-- message: Fails on the server with SQLSTATE 42P01 (undefined_table)

-- +upgrade
ALTER TABLE widgets ADD COLUMN colour text;
INSERT INTO no_such_table (id) VALUES (1);
