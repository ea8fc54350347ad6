package dev.retort.internal.sql;

import java.util.ArrayList;
import java.util.List;

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
     * @param value the text
     * @return {@code 'text'} as people write it, or {@code E'...'} when the text holds a backslash
     */
    public static String text(String value) {
        return value.indexOf('\\') >= 0 ? string(value) : "'" + value.replace("'", "''") + "'";
    }

    /**
     * @param text      a list
     * @param separator what separates its items
     * @param quote     the quote character inside which a separator is part of the item
     * @return the items, quotes kept as written
     */
    public static List<String> splitOutsideQuotes(String text, char separator, char quote) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == quote) {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                items.add(item.toString());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        items.add(item.toString());
        return items;
    }

    /**
     * @param value a number, or {@code null}
     * @return its decimal text or {@code NULL}
     */
    public static String number(Long value) {
        return value == null ? "NULL" : Long.toString(value);
    }
}
