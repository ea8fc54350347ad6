-- revision: 003_add_index_on_author_name
-- revises: 002_add_bio_field_to_author
-- message: Add index on author name
--
-- The other of the two concurrent branches from 002 (its sibling is 003_add_email_to_author):
-- Author's field becomes "name: str = Field(index=True)", which Alembic writes as
-- op.create_index(op.f("ix_author_name"), "author", ["name"], unique=False).

-- +upgrade
CREATE INDEX ix_author_name ON author (name);

-- +downgrade
DROP INDEX ix_author_name;
