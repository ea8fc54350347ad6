package dev.retort.cli.command;

import dev.retort.Revisions;
import dev.retort.cli.Session;
import dev.retort.cli.output.RevisionView;
import dev.retort.cli.output.RevisionsReport.Format;
import picocli.CommandLine.Command;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

import java.util.List;
import java.util.Set;

/** {@code retort current}: the revision(s) the database is at, read from its version table. */
@Command(name = "current", description = "Show the revision(s) the database is at (--verbose: in full).")
public final class CurrentCommand extends SessionCommand {

    @Override
    int run(Session session) {
        // Reading the files overlaps with connecting, which is most of this command's time.
        Tuple2<Revisions, Set<String>> state = session.await(Mono.zip(session.offline().revisions(),
                session.online().current()));
        Revisions revisions = state.getT1();
        Set<String> current = state.getT2();
        List<RevisionView> views = current.stream().sorted()
                .map(id -> revisions.get(id).map(info -> RevisionView.of(info, null))
                        .orElseGet(() -> RevisionView.unknown(id)))
                .toList();
        Listing.printViews(session, views, Format.LINE, "No revision applied: the database is at base.");
        return 0;
    }
}
