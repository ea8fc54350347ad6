package dev.retort.cli.command;

import dev.retort.ValidationReport;
import dev.retort.cli.Session;
import picocli.CommandLine.Command;

/**
 * {@code retort validate}: checks the files and compares them with the database; pending
 * revisions are fine, edited applied files, unknown applied revisions and a dirty database are not.
 */
@Command(name = "validate", description = "Exit 1 if an applied file changed, the database names a revision no file"
        + " defines, or it is dirty; pending revisions are fine. Invalid files exit 2.")
public final class ValidateCommand extends SessionCommand {

    @Override
    int run(Session session) {
        return Comparison.run(session, ValidationReport::isValid);
    }
}
