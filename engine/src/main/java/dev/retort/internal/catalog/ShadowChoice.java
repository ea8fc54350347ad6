package dev.retort.internal.catalog;

import io.r2dbc.spi.ConnectionFactory;

import java.util.function.Function;

/** Where the migrations are replayed: a temporary database per use, or one given empty database. */
public sealed interface ShadowChoice {

    /**
     * A temporary {@code retort_shadow_<random>} database on the server, created and dropped per use.
     *
     * @param connectTo a factory for another database of the same server, by name
     */
    record Temporary(Function<String, ConnectionFactory> connectTo) implements ShadowChoice {
    }

    /**
     * A database given for the purpose: it must be empty, and is left empty again.
     *
     * @param database its connection factory
     */
    record Given(ConnectionFactory database) implements ShadowChoice {
    }
}
