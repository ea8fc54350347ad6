package dev.retort.internal.history;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;

import java.util.regex.Pattern;

/**
 * The schema and table names Retort writes to, validated once and always quoted, so that a
 * setting can never be spliced into SQL as anything but an identifier.
 *
 * @param schema  the schema
 * @param version the version table's name
 * @param history the history table's name
 */
public record TableNames(String schema, String version, String history) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_LENGTH = 63;

    /**
     * @param schema the schema name (e.g. {@code public})
     * @param prefix the table prefix (e.g. {@code retort} gives {@code retort_version})
     * @return the validated names
     * @throws RetortException with {@link ErrorCode#INVALID_CONFIGURATION} for an invalid identifier
     */
    public static TableNames of(String schema, String prefix) {
        validate("schema", schema, schema);
        validate("table prefix", prefix, prefix + "_version");
        return new TableNames(schema, prefix + "_version", prefix + "_history");
    }

    private static void validate(String what, String value, String longest) {
        if (value == null || !IDENTIFIER.matcher(value).matches() || longest.length() > MAX_LENGTH) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "Invalid " + what + " '" + value
                    + "': use letters, digits and underscores, starting with a letter or underscore, and keep table"
                    + " names within " + MAX_LENGTH + " characters.");
        }
    }

    /** @return the quoted, schema-qualified version table */
    public String versionTable() {
        return quote(schema) + "." + quote(version);
    }

    /** @return the quoted, schema-qualified history table */
    public String historyTable() {
        return quote(schema) + "." + quote(history);
    }

    /** @return the quoted schema */
    public String quotedSchema() {
        return quote(schema);
    }

    private static String quote(String identifier) {
        return '"' + identifier + '"';
    }
}
