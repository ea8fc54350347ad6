package dev.retort.bench.child;

import dev.retort.bench.run.Server;

import java.nio.file.Path;

/**
 * A tool driven inside a child JVM. The child instantiates the implementation by name, so that a
 * child's class path needs to hold only that tool's dependencies.
 */
public interface InProcessTool {

    /**
     * Configures the tool for one run, as an application does at start-up.
     *
     * @param migrations the directory of this tool's migration files
     * @param server     the server
     * @param database   the database to migrate
     * @return the configured run
     * @throws Exception whatever the tool throws while configuring
     */
    Run prepare(Path migrations, Server server, String database) throws Exception;

    /** One configured migration run. */
    interface Run {

        /**
         * Applies every pending migration and returns when done.
         *
         * @throws Exception whatever the tool throws
         */
        void migrate() throws Exception;

        /** @return {@code key=value} facts about the run just done, for the report; empty by default */
        default String details() {
            return "";
        }
    }
}
