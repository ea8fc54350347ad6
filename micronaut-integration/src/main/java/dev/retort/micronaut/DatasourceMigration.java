package dev.retort.micronaut;

import dev.retort.Retort;
import dev.retort.RetortBuilder;
import dev.retort.Target;
import dev.retort.event.MigrationEvent;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import reactor.core.publisher.Flux;

import java.util.Optional;

/** One datasource's {@link Retort}, its configured target, and how far this application got. */
final class DatasourceMigration {

    private final String datasource;
    private final Retort retort;
    private final Target target;
    private volatile DatasourceStatus status = DatasourceStatus.MIGRATING;

    private DatasourceMigration(String datasource, Retort retort, Target target) {
        this.datasource = datasource;
        this.retort = retort;
        this.target = target;
    }

    /**
     * @param configuration the datasource's configuration
     * @param factory       its connection factory
     * @param loader        the class loader that {@code classpath:} locations are read from
     * @param options       the datasource's options, for temporary shadow databases on its server
     * @return the datasource's migration, not started
     * @throws dev.retort.error.RetortException when the configuration is invalid
     */
    static DatasourceMigration of(RetortDatasourceConfiguration configuration, ConnectionFactory factory,
            ClassLoader loader, Optional<ConnectionFactoryOptions> options) {
        RetortBuilder builder = Retort.builder(factory)
                .migrations(MigrationLocations.source(configuration.getLocations(), loader))
                .schema(configuration.getSchema())
                .tablePrefix(configuration.getTablePrefix())
                .lockTimeout(configuration.getLockTimeout())
                .connectRetry(configuration.getConnectRetry())
                .connectTimeout(configuration.getConnectTimeout());
        options.ifPresent(builder::shadowDatabasesLike);
        return new DatasourceMigration(configuration.getName(), builder.build(), Target.parse(configuration.getTarget()));
    }


    /**
     * @return a cold run that upgrades the database to the target and records the outcome in
     *     {@link #status()}
     */
    Flux<MigrationEvent> upgrade() {
        return retort.upgrade(target)
                .doOnComplete(() -> status = DatasourceStatus.MIGRATED)
                .doOnError(failure -> status = DatasourceStatus.failed(failure));
    }

    String datasource() {
        return datasource;
    }

    Retort retort() {
        return retort;
    }

    DatasourceStatus status() {
        return status;
    }
}
