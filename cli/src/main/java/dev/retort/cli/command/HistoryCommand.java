package dev.retort.cli.command;

import dev.retort.HistoryEntry;
import dev.retort.RevisionInfo;
import dev.retort.Revisions;
import dev.retort.cli.Session;
import dev.retort.cli.output.AppliedHistoryReport;
import dev.retort.cli.output.RevisionsReport.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * {@code retort history}: the revision graph newest first, like Alembic's. It reads only the
 * files unless the range is relative to the database's current revision or {@code -i} asks to
 * mark it; {@code --applied} shows the database's own audit table instead.
 */
@Command(name = "history", description = "List revisions, newest first (--verbose: in full).")
public final class HistoryCommand extends SessionCommand {

    @Option(names = {"-r", "--rev-range"}, paramLabel = "RANGE",
            description = "START:END, either side optional: base:head, -3:, current:head, 001_add:...")
    private String range;

    @Option(names = {"-i", "--indicate-current"}, description = "Mark the database's current revision(s).")
    private boolean indicateCurrent;

    @Option(names = "--applied", description = "Show what was applied to the database, from its history table.")
    private boolean applied;

    @Override
    int run(Session session) {
        if (applied) {
            printApplied(session);
            return 0;
        }
        Revisions revisions = session.revisions();
        Set<String> current = needsDatabase() ? session.await(session.online().current()) : null;
        List<RevisionInfo> shown = range == null ? newestFirst(revisions.all())
                : revisions.range(range, current == null ? Set.of() : current);
        RevisionListing.print(session, shown, indicateCurrent ? current : null, Format.HISTORY, "No revisions.");
        return 0;
    }

    private static void printApplied(Session session) {
        List<HistoryEntry> entries = session.await(session.online().history().collectList());
        if (entries.isEmpty()) {
            session.output().note("Nothing was applied to this database yet.");
        }
        session.output().report(AppliedHistoryReport.of(entries));
    }

    private boolean needsDatabase() {
        return indicateCurrent || range != null && Revisions.isRelativeToCurrent(range);
    }

    private static List<RevisionInfo> newestFirst(List<RevisionInfo> oldestFirst) {
        List<RevisionInfo> reversed = new ArrayList<>(oldestFirst);
        Collections.reverse(reversed);
        return reversed;
    }
}
