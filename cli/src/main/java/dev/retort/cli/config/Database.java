package dev.retort.cli.config;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;

import java.time.Duration;

/**
 * Turns the settings into the driver's {@link ConnectionFactory}: the URL is parsed, then the
 * user and password settings override what it says. Only commands that talk to the database call
 * this, so that the others never load the driver.
 */
public final class Database {

    /** Without it an unreachable host would keep a CI job waiting for the operating system's timeout. */
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private Database() {
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
        try {
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
