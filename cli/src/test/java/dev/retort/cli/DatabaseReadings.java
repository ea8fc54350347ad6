package dev.retort.cli;

import dev.retort.MigrationSources;
import dev.retort.Retort;
import dev.retort.test.database.PostgresDatabase;

import java.nio.file.Path;
import java.util.List;

import static dev.retort.test.Patience.PATIENCE;

/**
 * What the tests read from a database after the CLI ran: its schema (through the engine's own
 * catalog reader, so that there is one in the codebase), the version rows, the history, the
 * example table's columns.
 */
final class DatabaseReadings {

    private DatabaseReadings() {
    }

    /**
     * @param db the database
     * @return its schema as text lines, Retort's tables left out; equal for equal schemas
     */
    static List<String> of(PostgresDatabase db) {
        return Retort.builder(db.connectionFactory()).migrations(MigrationSources.directory(Path.of("migrations")))
                .build().schema().block(PATIENCE).text().lines().toList();
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
