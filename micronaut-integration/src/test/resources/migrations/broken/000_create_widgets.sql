-- revision: 000_create_widgets
-- message: A revision that works, before the one that does not

-- +upgrade
CREATE TABLE widgets (id serial PRIMARY KEY, name text NOT NULL);

-- +downgrade
DROP TABLE widgets;
