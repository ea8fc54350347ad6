package dev.retort.bench.child;

import dev.retort.bench.run.Server;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import name.nkonev.r2dbc.migrate.core.BunchOfResourcesEntry;
import name.nkonev.r2dbc.migrate.core.R2dbcMigrate;
import name.nkonev.r2dbc.migrate.core.R2dbcMigrateProperties;

import java.nio.file.Path;
import java.util.List;

/**
 * r2dbc-migrate's library entry point with default properties; the dialect and the lock
 * (PostgreSQL advisory lock) are detected from the connection, as by default.
 */
public final class R2dbcMigrateRun implements InProcessTool {

    @Override
    public Run prepare(Path migrations, Server server, String database) {
        ConnectionFactory factory = ConnectionFactories.get(server.r2dbcUrl(database));
        R2dbcMigrateProperties properties = new R2dbcMigrateProperties();
        properties.setResources(List.of(BunchOfResourcesEntry.ofConventionallyNamedFiles(migrations + "/*.sql")));
        return () -> R2dbcMigrate.migrate(factory, properties, new DirectoryResourceReader(), null, null).block();
    }
}
