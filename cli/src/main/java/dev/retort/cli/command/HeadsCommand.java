package dev.retort.cli.command;

import dev.retort.Revisions;
import dev.retort.cli.Session;
import dev.retort.cli.output.RevisionsReport.Format;
import picocli.CommandLine.Command;

import java.util.Optional;

/** {@code retort heads}: the revisions nothing revises yet, from the files alone. */
@Command(name = "heads", description = "Show the head revisions of the migration files.")
public final class HeadsCommand extends SessionCommand {

    @Override
    int run(Session session) {
        Revisions revisions = session.revisions();
        RevisionListing.print(session, revisions.heads().stream().map(revisions::get).flatMap(Optional::stream).toList(),
                null, Format.LINE, "No migration files in " + session.settings().migrations() + ".");
        return 0;
    }
}
