package dev.retort.cli.config;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import reactor.netty.tcp.TcpResources;

import java.time.Duration;

/**
 * Turns the settings into the driver's {@link ConnectionFactory}: the URL is parsed, then the
 * user and password settings override what it says. Only commands that talk to the database call
 * this, so that the others never load the driver.
 */
public final class Database {

    /** Without it an unreachable host would keep a CI job waiting for the operating system's timeout. */
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(2);

    /**
     * r2dbc-postgresql's codecs for extension types (hstore, PostGIS, pgvector), found by a query
     * on every connection. Retort reads none of those types, so the CLI skips the lookup unless
     * the URL asks for it.
     */
    private static final Option<Boolean> AUTODETECT_EXTENSIONS = Option.valueOf("autodetectExtensions");

    /** Whether this process made a connection factory, and so started the driver's event loops. */
    private static volatile boolean driverStarted;

    private Database() {
    }

    /**
     * Stops the driver's event-loop threads, if any were started. Called just before the process
     * exits: the JVM's exit otherwise waits about 300 ms for those threads, which sit in a native
     * {@code epoll_wait}, to stop by themselves; disposing them takes about 10 ms.
     */
    public static void releaseDriver() {
        if (!driverStarted) {
            return;
        }
        try {
            TcpResources.disposeLoopsAndConnectionsLater(Duration.ZERO, RELEASE_TIMEOUT).block(RELEASE_TIMEOUT);
        } catch (RuntimeException e) {
            // Exiting anyway: the JVM then waits for the threads as it would have without this.
        }
    }

    /**
     * @param settings the resolved settings
     * @return a connection factory; nothing is connected yet
     * @throws RetortException {@link ErrorCode#INVALID_CONFIGURATION} for a malformed URL or one no driver serves
     */
    public static ConnectionFactory connectionFactory(Settings settings) {
        ConnectionFactoryOptions.Builder options = parse(settings.url()).mutate();
        if (settings.user() != null) {
            options.option(ConnectionFactoryOptions.USER, settings.user());
        }
        if (settings.password() != null) {
            options.option(ConnectionFactoryOptions.PASSWORD, settings.password());
        }
        ConnectionFactoryOptions built = options.build();
        if (!built.hasOption(ConnectionFactoryOptions.CONNECT_TIMEOUT)) {
            built = built.mutate().option(ConnectionFactoryOptions.CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT).build();
        }
        if (!built.hasOption(AUTODETECT_EXTENSIONS)) {
            built = built.mutate().option(AUTODETECT_EXTENSIONS, false).build();
        }
        try {
            driverStarted = true;
            return ConnectionFactories.get(built);
        } catch (IllegalStateException e) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "No R2DBC driver serves the URL "
                    + Secrets.maskUrl(settings.url()) + ": retort includes the PostgreSQL driver, so write it as "
                    + "r2dbc:postgresql://user@host:5432/database.", e);
        }
    }

    /**
     * @param settings the resolved settings
     * @return where a command connects, for messages: the URL with its password masked, and the user override
     */
    public static String describe(Settings settings) {
        return Secrets.maskUrl(settings.url()) + (settings.user() != null ? " as user " + settings.user() : "");
    }

    private static ConnectionFactoryOptions parse(String url) {
        try {
            return ConnectionFactoryOptions.parse(url);
        } catch (IllegalArgumentException e) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "The URL '" + Secrets.maskUrl(url)
                    + "' is not an R2DBC URL (" + e.getMessage() + "). Write it as "
                    + "r2dbc:postgresql://user@host:5432/database.", e);
        }
    }
}
