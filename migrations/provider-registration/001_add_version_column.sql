-- revision: 001_add_version_column
-- revises: 000_initial_schema
-- message: Add version column for optimistic locking
--
-- The trigger now bumps version as well as updated_at, so a client that updates with
-- "WHERE id = $1 AND version = $2" fails (0 rows) when someone else updated first.

-- +upgrade
ALTER TABLE candidates ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
COMMENT ON COLUMN candidates.version IS 'Optimistic locking: incremented by trigger on every update';
CREATE INDEX idx_candidates_version ON candidates (id, version);

CREATE FUNCTION update_candidates_metadata() RETURNS trigger AS $$
BEGIN
    NEW.updated_at := CURRENT_TIMESTAMP;
    NEW.version := OLD.version + 1;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER candidates_updated_at ON candidates;
DROP FUNCTION update_candidates_updated_at();
CREATE TRIGGER candidates_metadata
    BEFORE UPDATE ON candidates
    FOR EACH ROW EXECUTE FUNCTION update_candidates_metadata();

-- +downgrade
DROP TRIGGER candidates_metadata ON candidates;
DROP FUNCTION update_candidates_metadata();

CREATE FUNCTION update_candidates_updated_at() RETURNS trigger AS $$
BEGIN
    NEW.updated_at := CURRENT_TIMESTAMP;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER candidates_updated_at
    BEFORE UPDATE ON candidates
    FOR EACH ROW EXECUTE FUNCTION update_candidates_updated_at();

DROP INDEX idx_candidates_version;
ALTER TABLE candidates DROP COLUMN version;
