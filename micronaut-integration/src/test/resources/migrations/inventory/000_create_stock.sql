-- revision: 000_create_stock
-- message: The schema of the second datasource

-- +upgrade
CREATE TABLE stock (sku text PRIMARY KEY, quantity integer NOT NULL CHECK (quantity >= 0));

-- +downgrade
DROP TABLE stock;
