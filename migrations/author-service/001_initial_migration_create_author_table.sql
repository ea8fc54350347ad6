-- revision: 001_initial_migration_create_author_table
-- message: Initial migration: create author table
--
-- Author service (seed 004), app/storage/migrations/versions/001_initial_migration_create_author_table.py:
-- the SQLModel model "class Author(SQLModel, table=True): id: int | None = Field(default=None,
-- primary_key=True); name: str", as Alembic renders it for PostgreSQL (an Integer primary key
-- becomes SERIAL; SQLModel's AutoString is an unbounded VARCHAR).
--
-- An existing production database that already has this table is not migrated but stamped,
-- as the seed's team did with "make migration-stamp rev=001" (a unique prefix is a target):
--   retort --migrations migrations/author-service stamp 001

-- +upgrade
CREATE TABLE author (
    id SERIAL NOT NULL,
    name VARCHAR NOT NULL,
    PRIMARY KEY (id)
);

-- +downgrade
DROP TABLE author;
