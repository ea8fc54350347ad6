package dev.retort.schema;

import dev.retort.error.UnsupportedSchemaChangeException;
import dev.retort.internal.ddl.DdlWriter;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The DDL that turns one schema into another, in an order that runs as written: what depends on
 * something is dropped before it and created after it. Written from two snapshots by
 * {@link #between}; {@code retort diff --sql} prints it and {@code retort revision --autogenerate}
 * puts it, and the script back, into a new revision.
 *
 * @param statements    the statements, in order
 * @param transactional whether the statements may run in one transaction; false when one cannot
 *                      (a value added to an enum cannot be used in the transaction that adds it)
 */
public record SchemaScript(List<Statement> statements, boolean transactional) {

    /** Copies the list so the record stays immutable. */
    public SchemaScript {
        statements = List.copyOf(statements);
    }

    /**
     * One statement.
     *
     * @param sql     the statement, without its final semicolon
     * @param warning what running it loses (rows of a dropped table, values a narrower type cannot
     *                hold), or {@code null} when it loses nothing
     */
    public record Statement(String sql, @Nullable String warning) {
    }

    /**
     * @param from the schema to start from
     * @param to   the schema to arrive at
     * @return the DDL that turns {@code from} into {@code to}; empty when they are the same
     * @throws UnsupportedSchemaChangeException when a difference cannot be written as DDL (e.g. a
     *     label removed from an enum); it names every such difference and what to write by hand
     */
    public static SchemaScript between(SchemaSnapshot from, SchemaSnapshot to) {
        return DdlWriter.write(from, to);
    }

    /** @return whether there is nothing to run */
    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /**
     * @return the statements as a script for people and for {@code psql -f}: each ending with
     *     {@code ;}, a {@code -- WARNING:} line before each that loses data, a blank line between
     */
    public String text() {
        return statements.stream()
                .map(s -> (s.warning() == null ? "" : "-- WARNING: " + s.warning() + "\n") + s.sql() + ";\n")
                .collect(Collectors.joining("\n"));
    }
}
