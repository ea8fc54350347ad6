package dev.retort.bench.child;

import dev.retort.bench.run.Server;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;

/** Flyway with its defaults, reading a {@code filesystem:} location. */
public final class FlywayRun implements InProcessTool {

    @Override
    public Run prepare(Path migrations, Server server, String database) {
        Flyway flyway = Flyway.configure()
                .dataSource(server.jdbcUrl(database), server.user(), "")
                .locations("filesystem:" + migrations)
                .load();
        return () -> flyway.migrate();
    }
}
