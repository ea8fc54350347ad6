package dev.retort.internal.sql;

/**
 * Renders values as SQL literals. The same text is sent online and printed in offline scripts, so
 * {@code psql -f} of a script does exactly what a run does.
 */
public final class SqlLiteral {

    private SqlLiteral() {
    }

    /**
     * An escape-string literal: correct whatever {@code standard_conforming_strings} is set to.
     * Quotes are doubled rather than backslash-escaped, because r2dbc-postgresql's client-side
     * parser does not know escape strings and would take {@code \'} for the string's end.
     *
     * @param value the text, or {@code null}
     * @return {@code E'...'} or {@code NULL}
     */
    public static String string(String value) {
        if (value == null) {
            return "NULL";
        }
        return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * @param value a number, or {@code null}
     * @return its decimal text or {@code NULL}
     */
    public static String number(Long value) {
        return value == null ? "NULL" : Long.toString(value);
    }
}
