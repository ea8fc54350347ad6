package dev.retort.cli.config;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The connection factory of commands that read only the migration files ({@code heads},
 * {@code revision}, {@code upgrade a:b --sql}...). The engine needs a factory to be built, but
 * these commands must never connect: an attempt is a bug, and fails loudly instead of quietly
 * reaching a database the user did not mean to touch.
 */
public final class OfflineConnectionFactory implements ConnectionFactory {

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.error(new IllegalStateException("This command works on the migration files only and must not"
                + " connect to the database; please report this as a bug."));
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return () -> "offline";
    }
}
