package dev.retort.internal.execute;

import dev.retort.internal.history.HistorySql;
import dev.retort.internal.history.TableNames;
import dev.retort.spi.MigrationSource;

import java.time.Duration;

/**
 * Everything a run needs to know, fixed when a {@code Retort} is built.
 *
 * @param connections where connections come from
 * @param source      where the scripts come from
 * @param names       the schema and table names
 * @param lockTimeout how long to wait for another run's lock
 */
public record Settings(Connections connections, MigrationSource source, TableNames names, Duration lockTimeout) {

    /** @return the SQL for Retort's tables */
    public HistorySql sql() {
        return new HistorySql(names);
    }
}
