package dev.retort.internal.sql;

/**
 * Rewrites {@code \'} inside escape strings ({@code E'it\'s'}) as {@code ''}: the same string for
 * the server, but one that r2dbc-postgresql's client-side SQL parser can read. That parser does
 * not know escape strings, so it takes {@code \'} for the end of the string and rejects or
 * mis-splits the statement before sending it. Both spellings are two characters long, so the
 * server's error positions still point at the file's text.
 */
public final class DriverSafeSql {

    private DriverSafeSql() {
    }

    /**
     * @param sql one statement, as split from a file
     * @return the statement with every {@code \'} in an escape string written {@code ''}; the same
     *     instance when there is nothing to rewrite
     */
    public static String of(String sql) {
        if (!sql.contains("\\'")) {
            return sql;
        }
        SqlLexer lexer = new SqlLexer(SourceCursor.of(sql, 1));
        StringBuilder out = new StringBuilder(sql.length());
        StringBuilder token = new StringBuilder();
        for (SqlLexer.TokenKind kind = lexer.next(token); kind != SqlLexer.TokenKind.END_OF_INPUT;
                kind = lexer.next(token)) {
            out.append(kind == SqlLexer.TokenKind.STRING && lexer.wasEscapeString() ? doubledQuotes(token) : token);
            token.setLength(0);
        }
        return out.toString();
    }

    private static CharSequence doubledQuotes(CharSequence escapeString) {
        StringBuilder out = new StringBuilder(escapeString.length());
        for (int i = 0; i < escapeString.length(); i++) {
            char c = escapeString.charAt(i);
            if (c == '\\' && i + 1 < escapeString.length()) {
                char next = escapeString.charAt(++i);
                out.append(next == '\'' ? '\'' : c).append(next);
            } else {
                out.append(c);
            }
        }
        return out;
    }
}
