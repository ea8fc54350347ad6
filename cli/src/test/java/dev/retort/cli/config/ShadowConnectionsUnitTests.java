package dev.retort.cli.config;

import dev.retort.internal.catalog.ShadowOptions;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI carries r2dbc-pool, so the shadows its roundtrips replay into are pooled. */
class ShadowConnectionsUnitTests {

    @Test
    void aShadowOfTheCliIsPooledAndClosable() {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse("r2dbc:postgresql://u@127.0.0.1:5432/app");

        assertThat(ShadowOptions.connectTo(options, "retort_shadow_1")).isInstanceOf(ConnectionPool.class)
                .isInstanceOf(io.r2dbc.spi.Closeable.class);
    }

    @Test
    void aUrlThatNamesAPoolAlreadyIsUsedAsItIs() {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(
                "r2dbc:pool:postgresql://u@127.0.0.1:5432/app?maxSize=3");

        assertThat(ShadowOptions.connectTo(options, "retort_shadow_1")).isInstanceOf(ConnectionPool.class);
    }
}
