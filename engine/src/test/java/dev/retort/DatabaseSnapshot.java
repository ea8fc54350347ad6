package dev.retort;

import dev.retort.test.database.PostgresDatabase;

import java.util.List;

/**
 * What "the database did not change" means in tests: every column of every table outside the
 * system schemas, Retort's version rows, and the number of history rows.
 *
 * @param columns     {@code schema.table.column type} for every user column
 * @param versionRows the version table's rows, or empty when it does not exist
 * @param historyRows how many history rows there are
 */
record DatabaseSnapshot(List<String> columns, List<String> versionRows, long historyRows) {

    static DatabaseSnapshot of(PostgresDatabase db) {
        List<String> columns = db.column("SELECT table_schema || '.' || table_name || '.' || column_name || ' '"
                + " || data_type FROM information_schema.columns"
                + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", String.class);
        boolean tables = Boolean.TRUE.equals(db.scalar("SELECT to_regclass('public.retort_version') IS NOT NULL"));
        return new DatabaseSnapshot(columns,
                tables ? db.column("SELECT revision::text FROM retort_version ORDER BY 1", String.class) : List.of(),
                tables ? (Long) db.scalar("SELECT count(*) FROM retort_history") : 0L);
    }
}
