package dev.retort.internal.r2dbc;

import dev.retort.error.ConnectionException;
import dev.retort.error.RetortException;
import dev.retort.error.UnexpectedServerStateException;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.ValidationDepth;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Turns driver failures into {@link RetortException}s that say what failed, where, and why.
 *
 * <p>Whether a failure means the connection is gone is decided from the SQLSTATE and the
 * connection's own state, never from the driver's exception class: r2dbc-postgresql maps every
 * SQLSTATE outside a few classes to {@code R2dbcNonTransientResourceException}, so by class a
 * {@code RAISE EXCEPTION} looks like a broken socket. An error the server reports with a SQLSTATE
 * is a failed statement unless its class ends the session (08 connection exception, 57P operator
 * intervention); an error without one means the connection is gone only if the connection says it
 * is closed.
 */
public final class ErrorTranslation {

    private ErrorTranslation() {
    }

    /**
     * @param error any failure
     * @return the SQLSTATE the server gave, if it gave one
     */
    public static Optional<String> sqlState(Throwable error) {
        return error instanceof R2dbcException r2dbc ? Optional.ofNullable(r2dbc.getSqlState()) : Optional.empty();
    }

    /**
     * @param sqlState a SQLSTATE
     * @return whether the server ends the session with it: class 08, or 57P01-57P05 (shutdown,
     *     crash, starting up, database dropped, idle session timeout)
     */
    public static boolean endsSession(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("57P");
    }

    /**
     * @param error a failure while using a connection
     * @return whether the server rejected a statement: it gave a SQLSTATE that does not end the session
     */
    public static boolean isStatementFailure(Throwable error) {
        return !(error instanceof RetortException) && sqlState(error).filter(state -> !endsSession(state)).isPresent();
    }

    /**
     * @param connection the connection the failure happened on
     * @param error      the failure
     * @return whether the session is gone: a session-ending SQLSTATE, or no SQLSTATE and the
     *     connection closed
     */
    public static Mono<Boolean> sessionEnded(Connection connection, Throwable error) {
        if (error instanceof RetortException) {
            return Mono.just(false);
        }
        Optional<String> state = sqlState(error);
        if (state.isPresent()) {
            return Mono.just(endsSession(state.get()));
        }
        return Mono.from(connection.validate(ValidationDepth.LOCAL)).map(open -> !open)
                .defaultIfEmpty(true).onErrorReturn(true);
    }

    /**
     * @param error a failure while running statements
     * @return whether the driver refused them before sending anything: not a server error, not a
     *     transport failure, not one Retort already explained
     */
    public static boolean isDriverRejection(Throwable error) {
        return !(error instanceof R2dbcException) && !(error instanceof RetortException) && !isTransportFailure(error);
    }

    private static boolean isTransportFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether retrying to connect may succeed later: nothing answered yet (no SQLSTATE), the
     * connection broke (class 08), or the server is still starting ({@code 57P03}). Wrong
     * credentials ({@code 28}), a missing database ({@code 3D}) or a bad setting will not heal by
     * waiting.
     *
     * @param error a failure to connect
     * @return whether to retry
     */
    public static boolean mayHeal(Throwable error) {
        Optional<String> state = sqlState(error);
        if (state.isPresent()) {
            return state.get().startsWith("08") || state.get().equals("57P03");
        }
        return error instanceof R2dbcException || isTransportFailure(error);
    }

    /**
     * @param error a failure
     * @return its message with the SQLSTATE, for a one-line explanation
     */
    public static String describe(Throwable error) {
        String message = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        return sqlState(error).map(state -> message + " [SQLSTATE " + state + "]").orElse(message);
    }

    /**
     * Maps a failure outside a migration's statements (reading or writing Retort's tables) once it
     * reaches the connection's boundary: a lost connection says so, and a server error that no step
     * explained still becomes a {@link RetortException} with the server's message.
     *
     * @param connection the connection it happened on
     * @param error      the failure
     * @param <T>        the stream's element type
     * @return a stream failing with the mapped error
     */
    public static <T> Mono<T> translated(Connection connection, Throwable error) {
        return sessionEnded(connection, error).flatMap(ended -> Mono.error(ended
                ? connectionLost(error, Optional.empty())
                : isStatementFailure(error) ? refused(error) : error));
    }

    private static RetortException refused(Throwable error) {
        return new UnexpectedServerStateException("The database refused Retort's own statement: "
                + describe(error) + ". Nothing of the revision in progress was committed.", error);
    }

    /**
     * @param error         the failure that ended the session
     * @param dirtyRevision the non-transactional revision it interrupted, if any
     * @return the explanation
     */
    public static ConnectionException connectionLost(Throwable error, Optional<String> dirtyRevision) {
        String state = dirtyRevision.map(revision -> " Revision " + revision + " is not transactional and was"
                        + " interrupted, so the database is now dirty: inspect the schema, finish or undo that"
                        + " revision's statements by hand, then run 'retort stamp' with the revision it is really at.")
                .orElse(" Its open transaction was rolled back by the server; run the command again once the server"
                        + " is reachable.");
        return new ConnectionException("The database connection failed during the run: " + describe(error) + "."
                + state, error);
    }
}
