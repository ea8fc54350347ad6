package dev.retort.spi;

import java.io.IOException;
import java.util.List;

/**
 * Where migration scripts come from: implement it for a location of your own; the built-in
 * directory, classpath and composite sources come from {@link dev.retort.MigrationSources}. The
 * engine calls these methods on a bounded-elastic worker, never on an event loop, so
 * implementations may block on I/O.
 */
public interface MigrationSource {

    /**
     * Lists the scripts this source holds. Called once per run.
     *
     * @return the scripts, in any order (the revision graph orders them)
     * @throws IOException when the location cannot be read
     */
    List<ScriptResource> scripts() throws IOException;

    /**
     * @return where the scripts come from, for messages (e.g. {@code classpath:db/migrations})
     */
    String description();
}
