package dev.retort.cli.config;

import dev.retort.Retort;
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

    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SHADOW_DROP_PATIENCE = Duration.ofSeconds(30);

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
     * exits: the JVM's exit otherwise waits for those threads, which sit in a native
     * {@code epoll_wait}, to stop by themselves, far longer than disposing them takes. First it
     * waits for shadow databases still being dropped on those loops: a use cancelled, say when one
     * tenant of a fleet failed and the others were stopped, drops its shadow in the background.
     */
    public static void releaseDriver() {
        if (!driverStarted) {
            return;
        }
        awaitShadowDrops();
        try {
            TcpResources.disposeLoopsAndConnectionsLater(Duration.ZERO, RELEASE_TIMEOUT).block(RELEASE_TIMEOUT);
        } catch (RuntimeException e) {
            // Exiting anyway: the JVM then waits for the threads as it would have without this.
        }
    }

    /**
     * Waits, up to 30 s, until every shadow database this process created has been dropped.
     * A drop that fails or hangs is given up on: the process exits anyway, and the shadow stays
     * on the server as {@code retort_shadow_*}.
     */
    public static void awaitShadowDrops() {
        try {
            Retort.shadowsDropped().block(SHADOW_DROP_PATIENCE);
        } catch (RuntimeException e) {
            // Given up on, as documented.
        }
    }

    /**
     * @param settings the resolved settings
     * @return a connection factory; nothing is connected yet
     * @throws RetortException {@link ErrorCode#INVALID_CONFIGURATION} for a malformed URL or one no driver serves
     */
    public static ConnectionFactory connectionFactory(Settings settings) {
        return factory(options(settings.url(), settings.user(), settings.password(), settings), settings.url());
    }

    /**
     * @param url      another database's URL, with its own user and password
     * @param settings the resolved settings, for the connect timeout
     * @return a connection factory for it
     */
    public static ConnectionFactory connectionFactory(String url, Settings settings) {
        return factory(options(url, null, null, settings), url);
    }

    /**
     * @param settings the resolved settings, with a shadow URL
     * @return a connection factory for the shadow database; its URL's own user and password
     */
    public static ConnectionFactory shadowFactory(Settings settings) {
        return factory(options(settings.shadowUrl(), null, null, settings), settings.shadowUrl());
    }

    /**
     * @param settings the resolved settings
     * @return the driver's options for the database under migration, user and password applied
     */
    public static ConnectionFactoryOptions options(Settings settings) {
        return options(settings.url(), settings.user(), settings.password(), settings);
    }

    private static ConnectionFactoryOptions options(String url, String user, String password, Settings settings) {
        ConnectionFactoryOptions.Builder options = parse(url).mutate();
        if (user != null) {
            options.option(ConnectionFactoryOptions.USER, user);
        }
        if (password != null) {
            options.option(ConnectionFactoryOptions.PASSWORD, password);
        }
        ConnectionFactoryOptions built = options.build();
        if (!built.hasOption(ConnectionFactoryOptions.CONNECT_TIMEOUT)) {
            // The TCP connect too, or an unreachable host would wait for the operating system's timeout.
            built = built.mutate().option(ConnectionFactoryOptions.CONNECT_TIMEOUT, settings.connectTimeout()).build();
        }
        if (!built.hasOption(AUTODETECT_EXTENSIONS)) {
            built = built.mutate().option(AUTODETECT_EXTENSIONS, false).build();
        }
        return built;
    }

    private static ConnectionFactory factory(ConnectionFactoryOptions built, String url) {
        try {
            driverStarted = true;
            return ConnectionFactories.get(built);
        } catch (IllegalStateException e) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "No R2DBC driver serves the URL "
                    + Secrets.describe(url, null) + ": retort includes the PostgreSQL driver, so write it"
                    + " as r2dbc:postgresql://user@host:5432/database.", e);
        } catch (IllegalArgumentException e) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "The PostgreSQL driver cannot use an option of"
                    + " the URL " + Secrets.describe(url, null) + ": " + reasons(e) + ". Correct the"
                    + " option in the URL; the driver's options are listed at"
                    + " https://github.com/pgjdbc/r2dbc-postgresql#getting-started.", e);
        }
    }

    /**
     * @param settings the resolved settings
     * @return where a command connects, for messages: built from the parsed URL and the user
     *     override, without the password
     */
    public static String describe(Settings settings) {
        return Secrets.describe(settings.url(), settings.user());
    }

    /** The two mistakes that make a URL with a password unparseable, named without quoting it. */
    private static String hint(String url) {
        if (url.contains("?") && url.substring(url.indexOf('?')).matches("(?s).*[?&]password=.*")) {
            return " R2DBC URLs cannot carry the password as an option (?password=): set RETORT_PASSWORD instead.";
        }
        if (url.contains(" ")) {
            return " It holds a space: percent-encode special characters (a space as %20, @ as %40), or set the"
                    + " password in RETORT_PASSWORD.";
        }
        return "";
    }

    /** @return the message of the error and of each cause, as the driver nests the useful one */
    private static String reasons(Throwable error) {
        StringBuilder reasons = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            reasons.append(" (").append(cause.getMessage()).append(')');
        }
        return reasons.toString();
    }

    private static ConnectionFactoryOptions parse(String url) {
        try {
            return ConnectionFactoryOptions.parse(url);
        } catch (IllegalArgumentException e) {
            // The parser's message quotes the URL, password and all: it is left out.
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "The URL starting with '" + Secrets.scheme(url)
                    + "' is not an R2DBC URL." + hint(url) + " Write it as r2dbc:postgresql://user@host:5432/database.");
        }
    }
}
