-- revision: 002_add_bio_field_to_author
-- revises: 001_initial_migration_create_author_table
-- message: Add bio field to Author
--
-- The seed's "make migration msg=..." example: Author gains "bio: str | None = None".

-- +upgrade
ALTER TABLE author ADD COLUMN bio VARCHAR;

-- +downgrade
ALTER TABLE author DROP COLUMN bio;
