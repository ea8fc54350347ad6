package dev.retort.cli.command;

import picocli.CommandLine.Option;

/** {@code --sql}, shared by the commands that change the database. */
final class ScriptOption {

    @Option(names = "--sql", description = "Print the SQL script (transactions, version-table and history statements)"
            + " instead of running it. With a FROM:TO range, no connection is made.")
    private boolean enabled;

    /** @return whether {@code --sql} was given */
    boolean enabled() {
        return enabled;
    }
}
