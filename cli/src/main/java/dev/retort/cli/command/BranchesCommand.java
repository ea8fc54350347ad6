package dev.retort.cli.command;

import dev.retort.cli.Session;
import dev.retort.cli.output.RevisionsReport.Format;
import picocli.CommandLine.Command;

/** {@code retort branches}: the revisions two or more others revise, and where they lead. */
@Command(name = "branches", description = "Show branch points: revisions that two or more revisions revise.")
public final class BranchesCommand extends SessionCommand {

    @Override
    int run(Session session) {
        RevisionListing.print(session, session.revisions().branchPoints(), null, Format.BRANCHES, "No branch points.");
        return 0;
    }
}
