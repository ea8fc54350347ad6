package dev.retort.micronaut;

import io.micronaut.data.model.DataType;

import java.util.Map;
import java.util.Set;

/**
 * Which PostgreSQL column types hold a Micronaut Data {@link DataType}, as {@code format_type}
 * renders them without their modifiers, and the type to write when a column is missing.
 */
final class EntityColumnTypes {

    /** A data type's columns: what fits, and what to create. */
    private record Columns(Set<String> fits, String create) {
    }

    private static final Set<String> TEXT = Set.of("character varying", "text", "character", "citext", "name");

    private static final Map<DataType, Columns> COLUMNS = Map.ofEntries(
            Map.entry(DataType.STRING, new Columns(TEXT, "character varying(255)")),
            Map.entry(DataType.CHARACTER, new Columns(Set.of("character", "character varying", "text"), "character(1)")),
            Map.entry(DataType.UUID, new Columns(Set.of("uuid"), "uuid")),
            Map.entry(DataType.SHORT, new Columns(Set.of("smallint"), "smallint")),
            Map.entry(DataType.BYTE, new Columns(Set.of("smallint"), "smallint")),
            Map.entry(DataType.INTEGER, new Columns(Set.of("integer", "smallint"), "integer")),
            Map.entry(DataType.LONG, new Columns(Set.of("bigint", "integer", "smallint"), "bigint")),
            Map.entry(DataType.BOOLEAN, new Columns(Set.of("boolean"), "boolean")),
            Map.entry(DataType.FLOAT, new Columns(Set.of("real"), "real")),
            Map.entry(DataType.DOUBLE, new Columns(Set.of("double precision", "real"), "double precision")),
            Map.entry(DataType.BIGDECIMAL, new Columns(Set.of("numeric"), "numeric")),
            Map.entry(DataType.TIMESTAMP, new Columns(Set.of("timestamp with time zone", "timestamp without time zone"),
                    "timestamp with time zone")),
            Map.entry(DataType.DATE, new Columns(Set.of("date"), "date")),
            Map.entry(DataType.TIME, new Columns(Set.of("time without time zone", "time with time zone"),
                    "time without time zone")),
            Map.entry(DataType.JSON, new Columns(Set.of("json", "jsonb"), "jsonb")),
            Map.entry(DataType.BYTE_ARRAY, new Columns(Set.of("bytea"), "bytea")),
            Map.entry(DataType.STRING_ARRAY, new Columns(Set.of("text[]", "character varying[]"), "text[]")),
            Map.entry(DataType.INTEGER_ARRAY, new Columns(Set.of("integer[]"), "integer[]")),
            Map.entry(DataType.LONG_ARRAY, new Columns(Set.of("bigint[]"), "bigint[]")),
            Map.entry(DataType.BOOLEAN_ARRAY, new Columns(Set.of("boolean[]"), "boolean[]")),
            Map.entry(DataType.DOUBLE_ARRAY, new Columns(Set.of("double precision[]"), "double precision[]")));

    private EntityColumnTypes() {
    }

    /**
     * @param dataType a property's data type
     * @param column   a column's type as {@code format_type} renders it, e.g. {@code character varying(255)}
     * @return whether the column holds the property's values; a type of the application's own
     *     (an enum, a domain) or a data type without a mapping is taken to fit
     */
    static boolean fits(DataType dataType, String column) {
        Columns columns = COLUMNS.get(dataType);
        String base = column.replaceAll("\\([^)]*\\)", "");
        boolean own = base.contains(".");
        return columns == null || own || columns.fits().contains(base);
    }

    /** @return the column type to create for a property of that data type */
    static String create(DataType dataType) {
        Columns columns = COLUMNS.get(dataType);
        return columns == null ? "text" : columns.create();
    }
}
