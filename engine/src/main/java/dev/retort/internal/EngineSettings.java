package dev.retort.internal;

import dev.retort.internal.history.HistorySql;
import dev.retort.internal.history.TableNames;
import dev.retort.internal.r2dbc.Connections;
import dev.retort.spi.MigrationSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a run needs to know, fixed when a {@code Retort} is built.
 *
 * @param connections where connections come from
 * @param source      where the scripts come from
 * @param names       the schema and table names
 * @param lockTimeout how long to wait for another run's lock
 * @param manifests   where the manifests of parsed files are kept between processes, if anywhere
 */
public record EngineSettings(Connections connections, MigrationSource source, TableNames names, Duration lockTimeout,
        Optional<Path> manifests) {

    /** @return the SQL for Retort's tables */
    public HistorySql sql() {
        return new HistorySql(names);
    }
}
