package dev.retort.bench.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's schema history: N migrations, each creating a table and an index and altering
 * the previous migration's table; every tenth also adds a PL/pgSQL trigger function (a
 * dollar-quoted body with semicolons inside, which every tool's splitter must respect) and a
 * trigger. Every tool's files are written from this one list, so every tool runs the same
 * statements in the same order.
 *
 * @param migrations the migrations, in order
 */
public record Workload(List<Migration> migrations) {

    /** How often a migration adds a trigger function and a trigger. */
    public static final int FUNCTION_EVERY = 10;

    /** Copies the list so the record stays immutable. */
    public Workload {
        migrations = List.copyOf(migrations);
    }

    /**
     * @param count how many migrations
     * @return the workload; the same count always gives the same statements
     */
    public static Workload generate(int count) {
        List<Migration> migrations = new ArrayList<>(count);
        for (int number = 1; number <= count; number++) {
            migrations.add(migration(number));
        }
        return new Workload(migrations);
    }

    /** @return the migration a deploy brings next: the one numbered {@code size() + 1} */
    public Migration next() {
        return migration(size() + 1);
    }

    /** @return this workload and {@link #next()} */
    public Workload withNext() {
        List<Migration> longer = new ArrayList<>(migrations);
        longer.add(next());
        return new Workload(longer);
    }

    /** @return how many migrations */
    public int size() {
        return migrations.size();
    }

    /** @return how many trigger functions (and triggers) the workload creates */
    public int functionCount() {
        return size() / FUNCTION_EVERY;
    }

    /**
     * @param number a migration number
     * @return the name of the table that migration creates
     */
    public static String table(int number) {
        return String.format("t_%05d", number);
    }

    private static Migration migration(int number) {
        String table = table(number);
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        up.add("CREATE TABLE " + table + " (\n"
                + "    id bigserial PRIMARY KEY,\n"
                + "    name text NOT NULL,\n"
                + "    amount numeric(12, 2) NOT NULL DEFAULT 0,\n"
                + "    created_at timestamptz NOT NULL DEFAULT now()\n"
                + ")");
        up.add("CREATE INDEX " + table + "_name_idx ON " + table + " (name)");
        if (number > 1) {
            up.add("ALTER TABLE " + table(number - 1) + " ADD COLUMN next_id bigint");
        }
        if (number % FUNCTION_EVERY == 0) {
            up.add("CREATE FUNCTION " + table + "_touch() RETURNS trigger AS $$\n"
                    + "BEGIN\n"
                    + "    NEW.name := trim(NEW.name);\n"
                    + "    NEW.created_at := now();\n"
                    + "    RETURN NEW;\n"
                    + "END;\n"
                    + "$$ LANGUAGE plpgsql");
            up.add("CREATE TRIGGER " + table + "_touch BEFORE INSERT OR UPDATE ON " + table
                    + " FOR EACH ROW EXECUTE FUNCTION " + table + "_touch()");
            down.add("DROP FUNCTION " + table + "_touch() CASCADE");
        }
        if (number > 1) {
            down.add("ALTER TABLE " + table(number - 1) + " DROP COLUMN next_id");
        }
        down.add("DROP TABLE " + table);
        return new Migration(number, "create_" + table, up, down);
    }
}
