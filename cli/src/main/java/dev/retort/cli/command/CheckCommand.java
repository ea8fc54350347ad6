package dev.retort.cli.command;

import dev.retort.ValidationReport;
import dev.retort.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retort check}: for CI, fails unless the database is at the heads, no applied file was
 * edited, and its schema is what its migrations make (no drift; replayed in a shadow database).
 */
@Command(name = "check", description = "Exit 1 unless the database is at the heads, no applied file changed, and its"
        + " schema is what the migrations make (drift, checked in a shadow database; --no-drift to skip).")
public final class CheckCommand extends SessionCommand {

    @Option(names = "--no-drift", description = "Do not compare the schema with the migrations (no shadow database).")
    private boolean noDrift;

    @Override
    int run(Session session) {
        return Comparison.run(session, ValidationReport::isUpToDate, !noDrift);
    }
}
