-- revision: 001_trucks
-- revises: 000_providers
-- message: Each provider's trucks

-- +upgrade
CREATE TABLE trucks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider_id bigint NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    plate varchar(20) NOT NULL
);
CREATE INDEX trucks_provider ON trucks (provider_id);

-- +downgrade
DROP TABLE trucks;
