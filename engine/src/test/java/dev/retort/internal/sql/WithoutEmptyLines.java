package dev.retort.internal.sql;

import java.util.Arrays;

/**
 * A text with its empty lines removed, remembering the original line of every character left.
 * psql drops empty lines from what it sends (outside quotes and comments), so statements are
 * compared, and psql's are looked up in their file, in this form.
 */
final class WithoutEmptyLines {

    private final String text;
    private final int[] lines;

    /** @param original the text, with {@code \n} line breaks */
    WithoutEmptyLines(String original) {
        StringBuilder kept = new StringBuilder(original.length());
        int[] lineOfKept = new int[original.length()];
        int line = 1;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            boolean emptyLine = c == '\n' && (kept.isEmpty() || kept.charAt(kept.length() - 1) == '\n');
            if (!emptyLine) {
                lineOfKept[kept.length()] = line;
                kept.append(c);
            }
            if (c == '\n') {
                line++;
            }
        }
        this.text = kept.toString();
        this.lines = Arrays.copyOf(lineOfKept, kept.length());
    }

    /** @return {@code text} without its empty lines */
    static String of(String text) {
        return new WithoutEmptyLines(text).text;
    }

    /**
     * Finds a statement in the text without empty lines: where the next statement after
     * {@code from} starts, past whitespace, comments and empty statements, if it is there;
     * otherwise its next occurrence, wherever that is.
     *
     * @return the offset of {@code statement} in the text without empty lines, or -1
     */
    int locate(String statement, int from) {
        int next = from;
        int skipped;
        do {
            skipped = next + LeadingComments.end(text.substring(next));
            next = skipped < text.length() && text.charAt(skipped) == ';' ? skipped + 1 : skipped;
        } while (next != skipped);
        return text.startsWith(statement, next) ? next : text.indexOf(statement, from);
    }

    /** @return the original 1-based line of the character at {@code offset} of the text without empty lines */
    int lineAt(int offset) {
        return lines[offset];
    }
}
