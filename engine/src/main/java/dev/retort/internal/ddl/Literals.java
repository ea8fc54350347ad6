package dev.retort.internal.ddl;

import dev.retort.internal.sql.SqlLiteral;

/** String literals in written DDL: plain, as people write them, unless a backslash needs an escape string. */
final class Literals {

    private Literals() {
    }

    /** @return {@code 'text'}, or {@code E'...'} when the text holds a backslash */
    static String text(String value) {
        return SqlLiteral.text(value);
    }
}
