package dev.retort.internal.catalog;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;

/**
 * Connections to a temporary shadow database, from the options of the database under migration.
 * A replay runs the pipeline once per step of a roundtrip, and each run opens its own
 * connections (session, lock, the version table's reading); so when r2dbc-pool's driver is on
 * the class path they come from a pool, which {@link ShadowDatabases} closes before it drops the
 * shadow. The engine does not depend on r2dbc-pool: it is found as any R2DBC driver is.
 */
public final class ShadowOptions {

    private static final String POOL = "pool";
    private static final Option<Integer> INITIAL_SIZE = Option.valueOf("initialSize");
    private static final Option<Integer> MAX_SIZE = Option.valueOf("maxSize");
    /**
     * At most the connections one step of a replay holds at once (its session, its lock, a
     * reading of the version table), with room to spare: the pool makes them only when asked.
     */
    private static final int MAX_CONNECTIONS = 8;

    private ShadowOptions() {
    }

    /**
     * @param options the options of the database under migration
     * @param name    the shadow database's name
     * @return a connection factory for the shadow: pooled when r2dbc-pool is present and the
     *     options do not name a pool already
     */
    public static ConnectionFactory connectTo(ConnectionFactoryOptions options, String name) {
        ConnectionFactoryOptions shadow = options.mutate().option(ConnectionFactoryOptions.DATABASE, name).build();
        ConnectionFactoryOptions pooled = pooled(shadow);
        return ConnectionFactories.get(ConnectionFactories.supports(pooled) ? pooled : shadow);
    }

    private static ConnectionFactoryOptions pooled(ConnectionFactoryOptions shadow) {
        Object driver = shadow.getValue(ConnectionFactoryOptions.DRIVER);
        if (driver == null || POOL.equals(driver) || shadow.hasOption(ConnectionFactoryOptions.PROTOCOL)) {
            return shadow;
        }
        return shadow.mutate().option(ConnectionFactoryOptions.DRIVER, POOL)
                .option(ConnectionFactoryOptions.PROTOCOL, driver.toString())
                .option(INITIAL_SIZE, 0).option(MAX_SIZE, MAX_CONNECTIONS).build();
    }
}
