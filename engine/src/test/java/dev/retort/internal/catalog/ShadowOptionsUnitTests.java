package dev.retort.internal.catalog;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's own tests run without r2dbc-pool, so a shadow's factory is the driver's own; the
 * CLI's tests, which have the pool, check that its shadows are pooled.
 */
class ShadowOptionsUnitTests {

    @Test
    void withoutThePoolOnTheClassPathTheShadowGetsTheDriversOwnFactory() {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse("r2dbc:postgresql://u@127.0.0.1:5432/app");

        assertThat(ShadowOptions.connectTo(options, "retort_shadow_1")).isInstanceOf(PostgresqlConnectionFactory.class);
    }
}
