package dev.retort.internal.execute;

import dev.retort.error.ConnectionException;
import dev.retort.error.ErrorCode;
import dev.retort.error.MigrationExecutionException;
import dev.retort.error.RetortException;
import dev.retort.internal.sql.SqlStatement;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcTransientResourceException;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Turns driver failures into {@link RetortException}s that say what failed, where, and why.
 * Connection-level failures (SQLSTATE classes 08, 28, 3D, 57P; broken sockets) are told apart
 * from a statement the server rejected, because they call for different action and exit codes.
 */
public final class ErrorTranslation {

    private ErrorTranslation() {
    }

    /**
     * @param error any failure
     * @return whether it means the server is unreachable, refused us, or dropped the connection
     */
    public static boolean isConnectionFailure(Throwable error) {
        if (error instanceof RetortException) {
            return false;
        }
        if (error instanceof R2dbcException r2dbc) {
            String state = r2dbc.getSqlState();
            if (state != null && (state.startsWith("08") || state.startsWith("28") || state.startsWith("3D")
                    || state.startsWith("57P"))) {
                return true;
            }
            return error instanceof R2dbcNonTransientResourceException
                    || error instanceof R2dbcTransientResourceException
                    || error instanceof R2dbcPermissionDeniedException && state == null;
        }
        return error instanceof IOException || error instanceof TimeoutException
                || error.getCause() != null && error.getCause() != error && isConnectionFailure(error.getCause());
    }

    /**
     * @param error any failure
     * @return whether the server rejected a statement (as opposed to a connection failure or a
     *     failure Retort already explained)
     */
    public static boolean isStatementFailure(Throwable error) {
        return error instanceof R2dbcException && !isConnectionFailure(error);
    }

    /**
     * @param error a failure while running statements
     * @return whether the driver refused them before sending anything (not a server error, not a
     *     broken connection, not one Retort already explained)
     */
    static boolean isDriverRejection(Throwable error) {
        return !(error instanceof R2dbcException) && !(error instanceof RetortException) && !isConnectionFailure(error);
    }

    /**
     * Whether retrying to connect may succeed later: the server is not listening yet or is still
     * starting ({@code 57P03}). Wrong credentials ({@code 28}) or a missing database ({@code 3D})
     * will not heal by waiting.
     *
     * @param error a failure to connect
     * @return whether to retry
     */
    public static boolean mayHeal(Throwable error) {
        if (!isConnectionFailure(error)) {
            return false;
        }
        String state = error instanceof R2dbcException r2dbc ? r2dbc.getSqlState() : null;
        return state == null || state.startsWith("08") || state.equals("57P03");
    }

    /**
     * @param error a failure
     * @return its message with the SQLSTATE, for a one-line explanation
     */
    public static String describe(Throwable error) {
        String message = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        if (error instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null) {
            return message + " [SQLSTATE " + r2dbc.getSqlState() + "]";
        }
        return message;
    }

    /**
     * Maps a failure while running a batch of a revision's statements. The server positions its
     * error in the batch's text, which names the statement and line; without a position, the
     * failing statement is the first whose result did not arrive.
     *
     * @param error     the failure
     * @param revision  the revision
     * @param file      its file
     * @param batch     the statements sent together
     * @param completed how many of them had completed
     * @param dirty     whether the failure leaves the database dirty
     * @return the exception to emit
     */
    static Throwable statementFailed(Throwable error, String revision, String file, StatementBatch batch,
            int completed, boolean dirty) {
        if (error instanceof RetortException) {
            return error;
        }
        if (isConnectionFailure(error)) {
            return connectionLost(error);
        }
        Optional<Integer> position = error instanceof R2dbcException r2dbc
                ? ServerPosition.of(r2dbc).map(p -> p - 1) : Optional.empty();
        int failed = position.map(batch::partAt).orElse(Math.min(completed, batch.parts().size() - 1));
        if (!(batch.parts().get(failed) instanceof StatementBatch.Migration migration)) {
            return new RetortException(ErrorCode.MIGRATION_FAILED, "Revision " + revision + " (" + file + ") failed"
                    + " while " + ((StatementBatch.Added) batch.parts().get(failed)).role() + ": " + describe(error)
                    + ". It was rolled back.", error);
        }
        SqlStatement statement = migration.statement();
        if (error instanceof R2dbcException r2dbc) {
            int line = position.map(batch::lineAt).orElse(statement.line());
            return new MigrationExecutionException(revision, file, line, statement.sql(), r2dbc.getSqlState(),
                    r2dbc.getMessage(), dirty, error);
        }
        // The driver refused the batch before sending it (e.g. its own SQL parser failed).
        return new MigrationExecutionException(revision, file, statement.line(), statement.sql(), null,
                "the database driver rejected the statement: " + describe(error), dirty, error);
    }

    /**
     * Maps any failure outside a migration's statements (reading or writing Retort's tables).
     *
     * @param error the failure
     * @return a connection failure when it is one, else the error unchanged
     */
    public static Throwable general(Throwable error) {
        return isConnectionFailure(error) ? connectionLost(error) : error;
    }

    private static ConnectionException connectionLost(Throwable error) {
        return new ConnectionException("The database connection failed during the run: " + describe(error)
                + ". Open transactions were rolled back by the server; run the command again once the server is"
                + " reachable.", error);
    }
}
