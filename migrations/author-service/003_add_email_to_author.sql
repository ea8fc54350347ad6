-- revision: 003_add_email_to_author
-- revises: 002_add_bio_field_to_author
-- message: Add email to Author
--
-- One of two revisions written at the same time on two feature branches, both revising
-- 002 (the other is 003_add_index_on_author_name). Together they make two heads, which
-- "upgrade head" refuses, naming them; 004_merge_migrations joins them again.
-- Author gains "email: str | None = Field(default=None, unique=True, index=True)".

-- +upgrade
ALTER TABLE author ADD COLUMN email VARCHAR;
CREATE UNIQUE INDEX ix_author_email ON author (email);

-- +downgrade
DROP INDEX ix_author_email;
ALTER TABLE author DROP COLUMN email;
