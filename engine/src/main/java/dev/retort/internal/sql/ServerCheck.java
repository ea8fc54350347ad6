package dev.retort.internal.sql;

import io.r2dbc.spi.R2dbcException;

/**
 * A condition the server itself checks inside a transaction, failing the statement when it does
 * not hold, so that a {@code COMMIT} sent in the same query string never runs. Plain SQL has no
 * {@code RAISE}; casting a marker text to {@code int} fails with SQLSTATE {@code 22P02} and puts the
 * marker in the server's message, where {@link #failed} recognises it.
 */
public final class ServerCheck {

    private static final String INVALID_TEXT = "22P02";

    private ServerCheck() {
    }

    /**
     * @param condition a boolean SQL expression
     * @param marker    a text naming the failure, without quotes
     * @return an expression that is 1 when {@code condition} holds, and fails when it does not
     */
    public static String failUnless(String condition, String marker) {
        // Evaluated per row at run time: the CASE keeps the planner from folding the cast early.
        return "(CASE WHEN " + condition + " THEN '1' ELSE " + SqlLiteral.string(marker) + " END)::int";
    }

    /**
     * @param error  a failure
     * @param marker the marker of a check
     * @return whether the failure is that check failing
     */
    public static boolean failed(Throwable error, String marker) {
        return error instanceof R2dbcException r2dbc && INVALID_TEXT.equals(r2dbc.getSqlState())
                && r2dbc.getMessage() != null && r2dbc.getMessage().contains(marker);
    }
}
