-- revision: 000_initial_schema
-- message: Create candidates table with constraints, indexes and the updated_at trigger
--
-- Provider-registration service, migration 000 (see README, "Example migrations").

-- +upgrade
CREATE TABLE candidates (
    id                    UUID         PRIMARY KEY DEFAULT gen_random_uuid(),
    company_name          VARCHAR(255) NOT NULL,
    contact_email         VARCHAR(255) NOT NULL,
    phone                 VARCHAR(50),
    products              JSONB,
    truck_count           INTEGER,
    capacity_tons_per_day INTEGER,
    location              VARCHAR(255),
    status                VARCHAR(20)  NOT NULL DEFAULT 'pending',
    created_at            TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at            TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    provider_id           INTEGER,
    CONSTRAINT candidates_contact_email_key UNIQUE (contact_email),
    CONSTRAINT truck_count_positive CHECK (truck_count > 0),
    CONSTRAINT capacity_positive CHECK (capacity_tons_per_day > 0),
    CONSTRAINT status_check CHECK (status IN ('pending', 'approved', 'rejected'))
);

CREATE INDEX idx_candidates_status ON candidates (status);
CREATE INDEX idx_candidates_created_at ON candidates (created_at DESC);
CREATE INDEX idx_candidates_products ON candidates USING gin (products);

-- Keeps updated_at right whoever updates the row.
CREATE FUNCTION update_candidates_updated_at() RETURNS trigger AS $$
BEGIN
    NEW.updated_at := CURRENT_TIMESTAMP;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER candidates_updated_at
    BEFORE UPDATE ON candidates
    FOR EACH ROW EXECUTE FUNCTION update_candidates_updated_at();

-- +downgrade
DROP TRIGGER candidates_updated_at ON candidates;
DROP FUNCTION update_candidates_updated_at();
DROP INDEX idx_candidates_products;
DROP INDEX idx_candidates_created_at;
DROP INDEX idx_candidates_status;
DROP TABLE candidates;
