package dev.retort.internal.sql;

import java.util.Objects;

/**
 * One SQL statement cut from a migration file, with the file line it starts on.
 *
 * <p>{@code sql} runs from the statement's first significant character (leading whitespace and
 * comments are dropped) up to, not including, the terminating {@code ;}, with trailing whitespace
 * trimmed. Comments after the first token are kept as written. Line endings are normalised:
 * {@code \r\n} and a lone {@code \r} both appear as {@code \n}.
 *
 * <p><b>Line contract.</b> {@code line} is the 1-based file line of {@code sql.charAt(0)}, and the
 * file line of the character at 0-based offset {@code k} of {@code sql} is {@code line} plus the
 * number of {@code '\n'} characters in {@code sql} before {@code k}. The engine relies on this to
 * turn a server error position into a file line; see {@link #lineOf(int)}. Offsets are Java
 * {@code char} indexes (UTF-16 code units); a server position counted in code points must be
 * converted first when the statement contains characters outside the Basic Multilingual Plane.
 *
 * @param sql  the statement text, never empty
 * @param line the 1-based file line of the first character of {@code sql}
 */
public record SqlStatement(String sql, int line) {

    /**
     * @throws NullPointerException     if {@code sql} is null
     * @throws IllegalArgumentException if {@code line} is less than 1
     */
    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, was " + line);
        }
    }

    /**
     * The file line of a character of this statement, per the line contract above.
     *
     * @param offset a 0-based offset into {@link #sql()}; {@code sql().length()} is allowed and
     *               means "just after the end"
     * @return {@link #line()} plus the number of line breaks in {@code sql} before {@code offset}
     * @throws IndexOutOfBoundsException if {@code offset} is negative or beyond the end
     */
    public int lineOf(int offset) {
        Objects.checkIndex(offset, sql.length() + 1);
        int result = line;
        for (int i = 0; i < offset; i++) {
            if (sql.charAt(i) == '\n') {
                result++;
            }
        }
        return result;
    }
}
