package dev.retort.internal.r2dbc;

import dev.retort.error.ConnectionException;
import dev.retort.error.RetortException;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Readable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The resource discipline for connections and transactions: each is opened and closed with
 * {@code usingWhen}, so completion commits, an error or a cancellation rolls back, and the
 * connection is closed exactly once on every path.
 */
public final class Connections {

    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration MAX_RETRY = Duration.ofSeconds(2);

    /** The default of {@link #Connections}'s connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ConnectionFactory factory;
    private final Duration connectRetry;
    private final Duration connectTimeout;

    /**
     * @param factory      where connections come from
     * @param connectRetry how long to keep retrying, with backoff, while the server cannot be
     *                     reached yet ({@link Duration#ZERO}: fail at once)
     * @param connectTimeout how long one try may take, handshake included
     */
    public Connections(ConnectionFactory factory, Duration connectRetry, Duration connectTimeout) {
        this.factory = factory;
        this.connectRetry = connectRetry;
        this.connectTimeout = connectTimeout;
    }

    /**
     * @param other another database's connection factory
     * @return connections to it with the same retry window and connect timeout
     */
    public Connections to(ConnectionFactory other) {
        return new Connections(other, connectRetry, connectTimeout);
    }

    /**
     * Opens a connection for the duration of {@code body}'s stream and closes it afterwards,
     * whether the stream completes, fails or is cancelled. A failure of the body that means the
     * connection is gone becomes a {@link ConnectionException}, and a server error the body did
     * not explain becomes a {@link dev.retort.error.RetortException} ({@link ErrorTranslation#translated}).
     *
     * @param body what to do with the connection
     * @param <T>  the element type
     * @return a cold stream; each subscription opens its own connection
     */
    public <T> Flux<T> with(Function<Connection, Flux<T>> body) {
        return Flux.usingWhen(open(), c -> body.apply(c).onErrorResume(e -> ErrorTranslation.translated(c, e)),
                Connections::close, (c, e) -> close(c), Connections::close);
    }

    /**
     * Opens a connection. Each try must complete the server's handshake within the connect
     * timeout: a server that accepts the connection and never answers would otherwise hold the
     * run forever, and the driver's own connect timeout covers only the TCP connect.
     *
     * @return a new connection; the caller closes it. Fails with a {@link ConnectionException}
     *     whatever goes wrong while connecting: unreachable, refused credentials, no such database.
     */
    public Mono<Connection> open() {
        return Mono.defer(() -> {
            long deadline = System.nanoTime() + connectRetry.toNanos();
            return Mono.<Connection>from(factory.create())
                    .timeout(connectTimeout, Mono.error(() -> new TimeoutException("the server accepted the connection"
                            + " but did not complete the handshake within " + connectTimeout.toMillis() + " ms")))
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_RETRY).maxBackoff(MAX_RETRY)
                            .filter(e -> ErrorTranslation.mayHeal(e) && System.nanoTime() < deadline));
        }).onErrorMap(Exceptions::isRetryExhausted, Throwable::getCause).onErrorMap(e -> !(e instanceof RetortException),
                e -> new ConnectionException("Cannot connect to the database: " + connectFailure(e)
                        + ". Check that the server is running and the URL, user and password are right.", e));
    }

    /**
     * The driver's words for a failed connect, as a person reads them: its address without Java's
     * {@code host/<unresolved>:port} notation, and the network's reason (connection refused, an
     * unknown host ...) that it keeps in the cause, without the native call's error number.
     */
    private static String connectFailure(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage();
        if (root == error || reason == null || error.getMessage() == null) {
            return ErrorTranslation.describe(error);
        }
        // The driver's SQLSTATE here (08003) is its own label for "no connection", not the server's.
        return error.getMessage().replaceAll("(\\S+)/<unresolved>:(\\d+)", "$1:$2") + ": "
                + reason.replaceFirst("^.*failed with error\\(-?\\d+\\): ", "").strip();
    }

    /**
     * @param connection a connection
     * @return completes when it is closed; never fails
     */
    public static Mono<Void> close(Connection connection) {
        // A broken connection may fail to close; the failure that broke it is the one to report.
        return Mono.from(connection.close()).onErrorResume(e -> Mono.empty());
    }

    /**
     * Runs {@code body} in one transaction: commit when it completes, rollback when it fails or
     * is cancelled.
     *
     * @param connection the connection, which must not be in a transaction
     * @param body       the work
     * @param <T>        the element type
     * @return a cold stream
     */
    public static <T> Flux<T> inTransaction(Connection connection, Flux<T> body) {
        return Flux.usingWhen(Mono.from(connection.beginTransaction()).thenReturn(connection),
                c -> body,
                Connection::commitTransaction,
                (c, e) -> rollback(c),
                Connections::rollback);
    }

    /**
     * @param connection a connection that may be in a transaction, possibly a failed one
     * @return completes when rolled back; never fails with a driver error
     */
    public static Mono<Void> rollback(Connection connection) {
        // If the connection broke, the server already rolled back; keep the original error.
        return Mono.from(connection.rollbackTransaction()).onErrorResume(R2dbcException.class, e -> Mono.empty());
    }

    /**
     * Executes one statement without parameters and totals the rows it affected.
     *
     * @param connection the connection
     * @param sql        one statement
     * @return the affected row count (0 for DDL)
     */
    public static Mono<Long> execute(Connection connection, String sql) {
        return rowsPerStatement(connection, sql, 1).reduce(0L, Long::sum);
    }

    /**
     * Executes a query string of statements without parameters.
     *
     * <p>The driver hands over one result per statement, and may add one more after the last: the
     * server reports a changed setting it tracks for the client ({@code application_name},
     * {@code TimeZone}, a role ...) just before it is ready for the next query, and the driver
     * turns that report into a result of its own. Only the first {@code statements} results are
     * statements'; the rest are read to the end and dropped.
     *
     * @param connection the connection
     * @param sql        the statements
     * @param statements how many statements {@code sql} holds
     * @return each statement's affected row count (0 for DDL), as its result arrives; a statement
     *     the driver refuses while creating it fails the stream rather than the call
     */
    public static Flux<Long> rowsPerStatement(Connection connection, String sql, int statements) {
        return Flux.defer(() -> connection.createStatement(sql).execute())
                .concatMap(result -> Flux.from(result.getRowsUpdated()).reduce(0L, Long::sum))
                .index()
                .filter(indexed -> indexed.getT1() < statements)
                .map(indexed -> indexed.getT2());
    }

    /**
     * Runs a query and maps every row.
     *
     * @param connection the connection
     * @param sql        the query
     * @param mapper     maps one row
     * @param <T>        the element type
     * @return the mapped rows, in the server's order
     */
    public static <T> Flux<T> query(Connection connection, String sql, Function<Readable, T> mapper) {
        return Flux.from(connection.createStatement(sql).execute()).concatMap(r -> r.map(mapper::apply));
    }
}
