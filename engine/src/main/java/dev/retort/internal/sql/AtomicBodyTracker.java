package dev.retort.internal.sql;

import dev.retort.internal.sql.SqlLexer.TokenKind;
import java.util.Arrays;

/**
 * Knows whether the statement being split is inside a SQL-standard routine body
 * ({@code BEGIN ATOMIC ... END}, PostgreSQL 14+), where semicolons separate the body's
 * statements instead of ending the {@code CREATE FUNCTION}.
 *
 * <p>Short of parsing SQL this uses psql's heuristic, narrowed to {@code BEGIN ATOMIC}: only a
 * statement whose leading words are {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} can have such
 * a body; inside it, {@code CASE} opens another level that {@code END} closes, and the body ends
 * with the {@code END} that brings the depth back to zero. Words come from the lexer, so quoted
 * identifiers, strings and comments never count.
 */
final class AtomicBodyTracker {

    private final String[] leading = new String[4];
    private int significantTokens;
    private boolean routine;
    private boolean previousWasBegin;
    private int depth;
    private int bodyLine;

    /** Forgets everything; called at the start of each statement. */
    void reset() {
        Arrays.fill(leading, null);
        significantTokens = 0;
        routine = false;
        previousWasBegin = false;
        depth = 0;
        bodyLine = 0;
    }

    /**
     * Feeds the next token of the statement that is not whitespace or a comment.
     *
     * @param kind the token's kind
     * @param word the upper-cased word when {@code kind} is {@link TokenKind#WORD}
     * @param line the line the token starts on
     */
    void accept(TokenKind kind, String word, int line) {
        boolean isWord = kind == TokenKind.WORD;
        if (significantTokens < leading.length) {
            leading[significantTokens] = isWord ? word : "";
            routine = routine || startsRoutine();
        }
        significantTokens++;
        if (!routine || !isWord) {
            previousWasBegin = false;
            return;
        }
        if (depth == 0) {
            if (previousWasBegin && word.equals("ATOMIC")) {
                depth = 1;
            } else if (word.equals("BEGIN")) {
                bodyLine = line;
            }
        } else if (word.equals("CASE")) {
            depth++;
        } else if (word.equals("END")) {
            depth--;
        }
        previousWasBegin = depth == 0 && word.equals("BEGIN");
    }

    /** @return whether a semicolon now belongs to the routine body rather than ending the statement */
    boolean insideBody() {
        return depth > 0;
    }

    /** @return the line of the {@code BEGIN} that opened the current body */
    int bodyLine() {
        return bodyLine;
    }

    private boolean startsRoutine() {
        if (!"CREATE".equals(leading[0])) {
            return false;
        }
        return isRoutineWord(leading[1])
                || ("OR".equals(leading[1]) && "REPLACE".equals(leading[2]) && isRoutineWord(leading[3]));
    }

    private static boolean isRoutineWord(String word) {
        return "FUNCTION".equals(word) || "PROCEDURE".equals(word);
    }
}
