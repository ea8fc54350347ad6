package dev.retort.internal.sql;

/**
 * Finds where the whitespace and comments at the start of a text end. Written separately from
 * {@link SqlLexer} on purpose: it normalises the reference side of the corpus comparison, and
 * the code under test must not decide what the reference says.
 */
final class LeadingComments {

    private LeadingComments() {
    }

    /** @return the index of the first character that is neither whitespace nor inside a comment */
    static int end(String text) {
        int i = 0;
        while (i < text.length()) {
            if (SqlLexer.isWhitespace(text.charAt(i))) {
                i++;
            } else if (text.startsWith("--", i)) {
                int newline = text.indexOf('\n', i);
                i = newline < 0 ? text.length() : newline;
            } else if (text.startsWith("/*", i)) {
                i = blockCommentEnd(text, i);
            } else {
                break;
            }
        }
        return i;
    }

    /** Block comments nest in PostgreSQL. */
    private static int blockCommentEnd(String text, int start) {
        int depth = 0;
        int i = start;
        while (i < text.length()) {
            if (text.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }
}
