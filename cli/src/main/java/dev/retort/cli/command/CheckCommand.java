package dev.retort.cli.command;

import dev.retort.ValidationReport;
import dev.retort.cli.Session;
import picocli.CommandLine.Command;

/** {@code retort check}: for CI, fails unless the database is at the heads and no applied file was edited. */
@Command(name = "check", description = "Exit 1 unless the database is at the heads and no applied file changed.")
public final class CheckCommand extends SessionCommand {

    @Override
    int run(Session session) {
        return Comparison.run(session, ValidationReport::isUpToDate);
    }
}
