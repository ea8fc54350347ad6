package dev.retort.internal.sql;

import dev.retort.internal.sql.SqlLexer.TokenKind;

/**
 * Knows whether a quote continues the escape string before it.
 *
 * <p>PostgreSQL joins string constants that are separated only by whitespace containing a line
 * break, possibly with {@code --} comments: {@code 'a'} and {@code 'b'} on the next line are the
 * one constant {@code 'ab'}. A continued {@code E'...'} string is still an escape string, so in
 * {@code E'a'} followed on the next line by {@code '\';'} the backslash escapes the quote and the
 * semicolon is inside the string. psql, which scans one line at a time, misses this and cuts
 * after {@code '\'}; the server does not, and the server is what the splitter follows. Continuing
 * any other kind of string changes nothing for splitting, since none of them has escapes.
 */
final class EscapeStringContinuation {

    private boolean afterEscapeString;
    private boolean lineBreak;

    /** @return whether a quote read now continues an escape string */
    boolean quoteContinues() {
        return afterEscapeString && lineBreak;
    }

    /**
     * Feeds the token just read.
     *
     * @param kind         the token's kind
     * @param text         holds the token's text from {@code start} to its end
     * @param start        where the token starts in {@code text}
     * @param escapeString whether the token was an escape string or a continuation of one
     */
    void accept(TokenKind kind, CharSequence text, int start, boolean escapeString) {
        if (escapeString) {
            afterEscapeString = true;
            lineBreak = false;
        } else if (kind == TokenKind.WHITESPACE) {
            lineBreak = lineBreak || containsLineBreak(text, start);
        } else if (kind != TokenKind.COMMENT || text.charAt(start) != '-') {
            afterEscapeString = false; // anything else, a block comment included, ends the constant
        }
    }

    private static boolean containsLineBreak(CharSequence text, int start) {
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                return true;
            }
        }
        return false;
    }
}
