package dev.retort.cli.command;

import dev.retort.Revisions;
import dev.retort.cli.Session;
import dev.retort.cli.output.RevisionsReport.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Optional;

/** {@code retort show REV}: everything the files say about a revision. */
@Command(name = "show", description = "Show a revision in full: parents, file, checksum, message.")
public final class ShowCommand extends SessionCommand {

    @Parameters(paramLabel = "REV", description = "A revision id or unique prefix, head, heads, <branch>@head...")
    private String revision;

    @Override
    int run(Session session) {
        Revisions revisions = session.revisions();
        RevisionListing.print(session, RevisionPoints.resolve(revisions, revision).stream().map(revisions::get)
                .flatMap(Optional::stream).toList(), null, Format.DETAIL, "'" + revision + "' names no revision.");
        return 0;
    }
}
