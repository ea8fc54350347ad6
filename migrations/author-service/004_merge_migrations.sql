-- revision: 004_merge_migrations
-- revises: 003_add_email_to_author, 003_add_index_on_author_name
-- message: Merge migrations
--
-- What "alembic merge heads -m 'Merge migrations'" writes, and "retort merge -m
-- 'Merge migrations' heads" too: a revision with both heads as parents and nothing to run.
-- The two branches touch different objects, so there is nothing to reconcile.

-- +upgrade

-- +downgrade
