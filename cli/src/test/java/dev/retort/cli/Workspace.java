package dev.retort.cli;

import dev.retort.test.PostgresDatabase;

import java.nio.file.Path;

/**
 * Where most tests start: an empty database, a working directory holding a copy of the example
 * migrations, and a CLI pointed at both through {@code RETORT_URL}.
 *
 * @param migrations the copied examples, for tests that add or edit files
 * @param retort     the CLI, running in the working directory
 */
record Workspace(Path migrations, RetortCli retort) {

    /**
     * @param db               the test class's database; emptied
     * @param workingDirectory the test's temporary directory
     * @return the workspace
     */
    static Workspace withExamples(PostgresDatabase db, Path workingDirectory) {
        db.reset();
        return new Workspace(Examples.copyTo(workingDirectory),
                new RetortCli(workingDirectory).env("RETORT_URL", db.url()));
    }
}
