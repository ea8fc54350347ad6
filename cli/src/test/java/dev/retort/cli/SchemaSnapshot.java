package dev.retort.cli;

import dev.retort.test.PostgresDatabase;

import java.util.ArrayList;
import java.util.List;

/**
 * What the application's schema consists of, read from the catalogs as sorted text lines: tables
 * and columns (type, default, nullability, comment), constraints, indexes, triggers and functions,
 * leaving out Retort's own tables. Two databases with equal snapshots have the same schema.
 * Catalog queries rather than {@code pg_dump}, whose output carries random per-dump tokens and
 * which refuses servers newer than itself.
 */
final class SchemaSnapshot {

    private static final List<String> QUERIES = List.of(
            "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' default '"
                    + " || coalesce(column_default, '-') || ' null ' || is_nullable || ' comment '"
                    + " || coalesce(col_description((table_schema || '.' || table_name)::regclass, ordinal_position), '-')"
                    + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE 'retort\\_%'",
            "SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                    + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
                    + " AND conrelid::regclass::text NOT LIKE 'retort\\_%'",
            "SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE 'retort\\_%'",
            "SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname || ' ' || tgfoid::regproc"
                    + " FROM pg_trigger WHERE NOT tgisinternal",
            "SELECT 'function ' || proname || ' ' || md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace");

    private SchemaSnapshot() {
    }

    /**
     * @param db the database
     * @return its snapshot, sorted
     */
    static List<String> of(PostgresDatabase db) {
        List<String> lines = new ArrayList<>();
        QUERIES.forEach(query -> lines.addAll(db.column(query, String.class)));
        lines.sort(null);
        return lines;
    }

    /**
     * @param db the database
     * @return the columns of the examples' {@code candidates} table
     */
    static List<String> candidateColumns(PostgresDatabase db) {
        return db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'candidates'",
                String.class);
    }

    /**
     * @param db the database
     * @return the version table's rows, sorted
     */
    static List<String> versions(PostgresDatabase db) {
        return db.column("SELECT revision FROM retort_version ORDER BY revision", String.class);
    }

    /**
     * @param db the database
     * @return the history table's rows as {@code revision operation success}, oldest first
     */
    static List<String> history(PostgresDatabase db) {
        return db.column("SELECT revision || ' ' || operation || ' ' || success FROM retort_history ORDER BY id",
                String.class);
    }
}
