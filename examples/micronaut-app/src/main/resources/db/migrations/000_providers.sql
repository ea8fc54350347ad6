-- revision: 000_providers
-- message: Providers and their trucks

-- +upgrade
CREATE TABLE providers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name varchar(100) NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- +downgrade
DROP TABLE providers;
