package dev.retort.internal.catalog;

import dev.retort.error.ConnectionException;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.internal.r2dbc.Connections;
import dev.retort.internal.r2dbc.ErrorTranslation;
import io.r2dbc.spi.Closeable;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Databases the migrations are replayed into, to learn the schema they make. By default a
 * temporary {@code retort_shadow_<random>} database on the same server, created for one use and
 * dropped after it, on completion, error and cancellation alike; or a given empty database
 * ({@link GivenShadow}), left empty again.
 */
public final class ShadowDatabases {

    /** Shadows still to be dropped in this process, so that an exiting CLI can wait for them. */
    private static final Map<String, Sinks.Empty<Void>> LIVE = new ConcurrentHashMap<>();
    private static final String ADVICE = "Give the role CREATEDB, or name an empty database to use instead (the CLI's"
            + " --shadow-url or RETORT_SHADOW_URL; RetortBuilder.shadowDatabase).";

    private final Connections server;
    private final Function<String, ConnectionFactory> connectTo;

    /**
     * @param server    connections to the server, where the shadow is created and dropped
     * @param connectTo a factory for another database of the same server, by name
     */
    public ShadowDatabases(Connections server, Function<String, ConnectionFactory> connectTo) {
        this.server = server;
        this.connectTo = connectTo;
    }

    /**
     * @param work what to do with the shadow's connection factory
     * @param <T>  what the work gives
     * @return the work's result; the shadow is dropped before this completes or fails, and
     *     dropped after a cancellation too
     */
    public <T> Flux<T> use(Function<ConnectionFactory, Flux<T>> work) {
        return Flux.usingWhen(create(), name -> Flux.usingWhen(factory(name), work, ShadowDatabases::close,
                        (factory, error) -> close(factory), ShadowDatabases::close),
                this::drop, (name, error) -> drop(name), this::drop);
    }

    /**
     * A pooled factory keeps connections open to the shadow: they are closed before it is
     * dropped, and a failure to close them does not stop the drop ({@code WITH (FORCE)} ends them).
     */
    private static Mono<Void> close(ConnectionFactory factory) {
        return factory instanceof Closeable closeable
                ? Mono.from(closeable.close()).onErrorResume(error -> Mono.empty())
                : Mono.empty();
    }

    /** A factory given by the application may look its driver up, which reads jar files: not on an event loop. */
    private Mono<ConnectionFactory> factory(String name) {
        return Mono.fromCallable(() -> connectTo.apply(name)).subscribeOn(Schedulers.boundedElastic());
    }

    /** @return completes once every shadow database this process created has been dropped */
    public static Mono<Void> allDropped() {
        return Mono.when(LIVE.values().stream().map(Sinks.Empty::asMono).toList());
    }

    /**
     * Creates a shadow, counted among the live ones from before its {@code CREATE DATABASE} is
     * sent. A use cancelled meanwhile does not stop the statement, which the server would finish
     * anyway once the client is gone: it runs to its end, and the database is then dropped.
     */
    private Mono<String> create() {
        return Mono.defer(() -> {
            String name = "retort_shadow_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            LIVE.put(name, Sinks.empty());
            CompletableFuture<Void> created = server.with(connection -> Connections.execute(connection,
                                    "CREATE DATABASE " + quoted(name))
                            .onErrorMap(ErrorTranslation::isStatementFailure, error -> new ConnectionException("Cannot"
                                    + " create a shadow database to replay the migrations into: "
                                    + ErrorTranslation.describe(error) + ". " + ADVICE, error))
                            .flux())
                    .then().toFuture();
            return Mono.fromFuture(created, true)
                    .doOnCancel(() -> created.whenComplete((done, error) -> drop(name).subscribe(null, e -> { })))
                    .doOnError(error -> forget(name))
                    .thenReturn(name);
        });
    }

    /** Counts a shadow as dropped: it was dropped, or never made. */
    private static void forget(String name) {
        Sinks.Empty<Void> dropped = LIVE.remove(name);
        if (dropped != null) {
            dropped.tryEmitEmpty();
        }
    }

    private Mono<Void> drop(String name) {
        return server.with(connection -> Connections.execute(connection, "DROP DATABASE IF EXISTS " + quoted(name)
                        + " WITH (FORCE)").flux())
                .then()
                .timeout(Duration.ofMinutes(1))
                .onErrorMap(error -> new RetortException(ErrorCode.MIGRATION_FAILED, "Could not drop the shadow"
                        + " database " + name + ": " + ErrorTranslation.describe(error) + ". Drop it by hand: DROP"
                        + " DATABASE " + quoted(name) + ";", error))
                .doFinally(signal -> forget(name));
    }

    private static String quoted(String name) {
        return '"' + name + '"';
    }
}
