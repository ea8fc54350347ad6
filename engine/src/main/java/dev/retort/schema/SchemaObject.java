package dev.retort.schema;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One object of a schema and what defines it, as the server renders it: for a column its type,
 * default and nullability; for a function its whole definition. Two objects with the same
 * properties are the same object, however they were created.
 *
 * @param kind       what it is
 * @param name       its name, qualified by its table for columns, constraints, triggers and
 *                   policies, by its schema when that is not the snapshot's home schema, and with
 *                   its argument types for functions, e.g. {@code candidates.version},
 *                   {@code audit.events}, {@code bump_version()}
 * @param properties what defines it, by property name, sorted
 */
public record SchemaObject(ObjectKind kind, String name, SortedMap<String, String> properties) {

    /**
     * A column's place among its table's live columns, from 1: kept so that a table can be written
     * with its columns in order, but not compared, since PostgreSQL cannot reorder columns and
     * dropping one moves every later one.
     */
    public static final String POSITION = "position";

    /** Copies the properties so the record stays immutable. */
    public SchemaObject {
        properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
    }

    /**
     * @param kind       what it is
     * @param name       its name
     * @param properties what defines it
     * @return the object
     */
    public static SchemaObject of(ObjectKind kind, String name, Map<String, String> properties) {
        return new SchemaObject(kind, name, new TreeMap<>(properties));
    }

    /** @return the properties that define the object, that is all but {@link #POSITION} */
    public SortedMap<String, String> comparedProperties() {
        if (!properties.containsKey(POSITION)) {
            return properties;
        }
        TreeMap<String, String> compared = new TreeMap<>(properties);
        compared.remove(POSITION);
        return compared;
    }

    /** @return {@code kind name}, e.g. {@code column candidates.version} */
    public String title() {
        return kind.label() + " " + name;
    }
}
