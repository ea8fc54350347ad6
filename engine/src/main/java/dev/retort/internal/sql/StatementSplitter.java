package dev.retort.internal.sql;

import dev.retort.error.MigrationFileException;
import dev.retort.internal.sql.SqlLexer.TokenKind;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Splits a PostgreSQL migration script into statements at top-level semicolons, streaming.
 *
 * <p>A semicolon ends a statement unless it is inside a quoted string, an {@code E'...'} escape
 * string, a quoted identifier, a dollar quote, a comment, or the {@code BEGIN ATOMIC ... END}
 * body of a {@code CREATE FUNCTION} or {@code CREATE PROCEDURE}. Parentheses do not protect a
 * semicolon: PostgreSQL itself has no such nesting. Statements that are empty or consist only of
 * comments produce nothing, and a last statement without a semicolon is still returned. See
 * {@link SqlStatement} for what the text and line of each statement are.
 *
 * <p>The reader is consumed in chunks and only the statement being assembled is held in memory,
 * so a file of hundreds of megabytes of {@code INSERT}s is fine. The reader is not closed.
 *
 * <p>Problems in the script are reported as {@link MigrationFileException}s naming the line: an
 * unterminated quote, dollar quote, block comment or {@code BEGIN ATOMIC} body (the line where it
 * opened), and psql meta-commands such as {@code \echo}, which are not SQL. A failing reader
 * surfaces as {@link UncheckedIOException}. Both are thrown from {@link #hasNext()} or
 * {@link #next()}, whichever reads further first.
 *
 * <p><b>Compared with psql.</b> The statements are those psql would send for the same file,
 * which the tests check on every script PostgreSQL ships and on random scripts, except where
 * psql is not what the server does: a backslash starts a psql meta-command there, here it is
 * rejected at the start of a statement and left to the server elsewhere; psql keeps a semicolon
 * inside parentheses and counts any {@code BEGIN} in a routine definition as opening a body,
 * neither of which the server does; and psql, scanning a line at a time, misses an escape string
 * continued on the next line ({@link EscapeStringContinuation}). Leading comments and
 * comment-only statements, which psql sends along, are dropped.
 */
public final class StatementSplitter implements Iterator<SqlStatement> {

    private final String origin;
    private final SqlLexer lexer;
    private final AtomicBodyTracker atomicBody = new AtomicBodyTracker();
    /** Reused between statements; its capacity settles at the largest statement seen. */
    private final StringBuilder text = new StringBuilder();
    private SqlStatement pending;
    private boolean finished;

    /**
     * @param reader    the script; read incrementally and not closed
     * @param origin    the file name to put in error messages
     * @param firstLine the 1-based file line of the reader's first character (more than 1 when
     *                  the SQL is embedded in a larger file)
     */
    public StatementSplitter(Reader reader, String origin, int firstLine) {
        this(new SourceCursor(reader, firstLine), origin);
    }

    private StatementSplitter(SourceCursor cursor, String origin) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.lexer = new SqlLexer(cursor);
    }

    /**
     * Splits a whole script held in memory.
     *
     * @param text      the script
     * @param origin    the file name to put in error messages
     * @param firstLine the 1-based file line of the script's first character
     * @return the statements, in order
     * @throws MigrationFileException if the script is malformed
     */
    public static List<SqlStatement> split(String text, String origin, int firstLine) {
        List<SqlStatement> statements = new ArrayList<>();
        new StatementSplitter(SourceCursor.of(text, firstLine), origin).forEachRemaining(statements::add);
        return statements;
    }

    /**
     * Reads ahead to the next statement if needed.
     *
     * @return whether another statement follows
     * @throws MigrationFileException if the script is malformed before the next statement ends
     * @throws UncheckedIOException   if the reader fails
     */
    @Override
    public boolean hasNext() {
        if (pending == null && !finished) {
            pending = readStatement();
            finished = pending == null;
        }
        return pending != null;
    }

    /**
     * @return the next statement
     * @throws NoSuchElementException if there is none
     * @throws MigrationFileException if the script is malformed before the next statement ends
     * @throws UncheckedIOException   if the reader fails
     */
    @Override
    public SqlStatement next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more statements in " + origin);
        }
        SqlStatement statement = pending;
        pending = null;
        return statement;
    }

    /** @return the next non-empty statement, or {@code null} at the end of input */
    private SqlStatement readStatement() {
        text.setLength(0);
        atomicBody.reset();
        int firstLine = 0;
        while (true) {
            int start = text.length();
            TokenKind kind = lexer.next(text);
            if (lexer.unterminated() != null) {
                throw new MigrationFileException(origin, lexer.tokenLine(), lexer.unterminated());
            }
            switch (kind) {
                case END_OF_INPUT -> {
                    return endOfInput(firstLine);
                }
                case WHITESPACE, COMMENT -> {
                    if (start == 0) {
                        text.setLength(0); // leading whitespace and comments are not part of the statement
                    }
                }
                case SEMICOLON -> {
                    if (!atomicBody.insideBody()) {
                        text.setLength(start);
                        if (start > 0) {
                            return finish(firstLine);
                        }
                    }
                }
                default -> {
                    if (start == 0) {
                        firstLine = lexer.tokenLine();
                        rejectMetaCommand();
                    }
                    atomicBody.accept(kind, lexer.word(), lexer.tokenLine());
                }
            }
        }
    }

    private SqlStatement endOfInput(int firstLine) {
        if (atomicBody.insideBody()) {
            throw new MigrationFileException(origin, atomicBody.bodyLine(),
                    "unterminated BEGIN ATOMIC body that starts here; close it with END");
        }
        return text.isEmpty() ? null : finish(firstLine);
    }

    private SqlStatement finish(int firstLine) {
        int end = text.length();
        while (end > 0 && SqlLexer.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new SqlStatement(text.substring(0, end), firstLine);
    }

    /**
     * psql's backslash commands are handled by psql itself, never by the server, so a statement
     * that starts with one would only produce a baffling syntax error later.
     */
    private void rejectMetaCommand() {
        if (text.charAt(0) != '\\') {
            return;
        }
        int line = lexer.tokenLine();
        int nameStart = text.length();
        TokenKind kind = lexer.next(text);
        String command = kind == TokenKind.WHITESPACE || kind == TokenKind.END_OF_INPUT
                ? "\\"
                : "\\" + text.substring(nameStart);
        throw new MigrationFileException(origin, line,
                "psql meta-command " + command + " is not SQL; remove it, Retort sends statements to the server directly");
    }
}
