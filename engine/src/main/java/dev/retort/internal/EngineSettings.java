package dev.retort.internal;

import dev.retort.internal.catalog.ShadowChoice;
import dev.retort.internal.history.HistorySql;
import dev.retort.internal.history.TableNames;
import dev.retort.internal.r2dbc.Connections;
import dev.retort.spi.MigrationSource;
import io.r2dbc.spi.ConnectionFactory;

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
 * @param shadow      where the migrations are replayed to learn their schema, if configured
 * @param run         the session settings and lock retries of every revision
 */
public record EngineSettings(Connections connections, MigrationSource source, TableNames names, Duration lockTimeout,
        Optional<Path> manifests, Optional<ShadowChoice> shadow, RunOptions run) {

    /**
     * @param database another database's connection factory
     * @return these settings for that database: the same files, names and limits, no shadows
     */
    public EngineSettings on(ConnectionFactory database) {
        return new EngineSettings(connections.to(database), source, names, lockTimeout, Optional.empty(),
                Optional.empty(), run);
    }

    /** @return the SQL for Retort's tables */
    public HistorySql sql() {
        return new HistorySql(names);
    }
}
