package dev.retort.internal.execute;

import dev.retort.error.ConnectionException;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Readable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.function.Function;

/**
 * The resource discipline for connections and transactions: each is opened and closed with
 * {@code usingWhen}, so completion commits, an error or a cancellation rolls back, and the
 * connection is closed exactly once on every path.
 */
public final class Connections {

    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration MAX_RETRY = Duration.ofSeconds(2);

    private final ConnectionFactory factory;
    private final Duration connectRetry;

    /**
     * @param factory      where connections come from
     * @param connectRetry how long to keep retrying, with backoff, while the server cannot be
     *                     reached yet ({@link Duration#ZERO}: fail at once)
     */
    public Connections(ConnectionFactory factory, Duration connectRetry) {
        this.factory = factory;
        this.connectRetry = connectRetry;
    }

    /**
     * Opens a connection for the duration of {@code body}'s stream and closes it afterwards,
     * whether the stream completes, fails or is cancelled.
     *
     * @param body what to do with the connection
     * @param <T>  the element type
     * @return a cold stream; each subscription opens its own connection
     */
    public <T> Flux<T> with(Function<Connection, Flux<T>> body) {
        return Flux.usingWhen(open(), body, Connections::close, (c, e) -> close(c), Connections::close);
    }

    /**
     * @return a new connection; the caller closes it. Fails with a {@link ConnectionException}
     *     when the server cannot be reached or refuses the credentials.
     */
    public Mono<Connection> open() {
        return Mono.defer(() -> {
            long deadline = System.nanoTime() + connectRetry.toNanos();
            return Mono.<Connection>from(factory.create())
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_RETRY).maxBackoff(MAX_RETRY)
                            .filter(e -> ErrorTranslation.mayHeal(e) && System.nanoTime() < deadline));
        }).onErrorMap(Exceptions::isRetryExhausted, Throwable::getCause).onErrorMap(ErrorTranslation::isConnectionFailure,
                e -> new ConnectionException("Cannot connect to the database: " + ErrorTranslation.describe(e)
                        + ". Check that the server is running and the URL, user and password are right.", e));
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
    static Mono<Void> rollback(Connection connection) {
        // If the connection broke, the server already rolled back; keep the original error.
        return Mono.from(connection.rollbackTransaction()).onErrorResume(R2dbcException.class, e -> Mono.empty());
    }

    /**
     * Executes one statement without parameters and totals the rows it affected.
     *
     * @param connection the connection
     * @param sql        the statement
     * @return the affected row count (0 for DDL)
     */
    public static Mono<Long> execute(Connection connection, String sql) {
        return rowsPerStatement(connection, sql).reduce(0L, Long::sum);
    }

    /**
     * Executes a query string of one or more statements without parameters.
     *
     * @param connection the connection
     * @param sql        the statements
     * @return each statement's affected row count (0 for DDL), as its result arrives; a statement
     *     the driver refuses while creating it fails the stream rather than the call
     */
    static Flux<Long> rowsPerStatement(Connection connection, String sql) {
        return Flux.defer(() -> connection.createStatement(sql).execute())
                .concatMap(result -> Flux.from(result.getRowsUpdated()).reduce(0L, Long::sum));
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
