package dev.retort.cli.command;

import dev.retort.RevisionInfo;
import dev.retort.cli.Session;
import dev.retort.cli.output.RevisionView;
import dev.retort.cli.output.RevisionsReport.Format;
import dev.retort.cli.output.RevisionsReport;

import java.util.List;
import java.util.Set;

/** Prints a list of revisions the way every listing command does: in full with {@code --verbose}, a note when empty. */
final class RevisionListing {

    private RevisionListing() {
    }

    /**
     * @param session   the session
     * @param revisions the revisions, in the order to print
     * @param current   the database's rows to mark as current, or {@code null} when not asked
     * @param format    the human format without {@code --verbose}
     * @param whenEmpty what to tell people when there is nothing to list
     */
    static void print(Session session, List<RevisionInfo> revisions, Set<String> current, Format format,
            String whenEmpty) {
        printViews(session, revisions.stream().map(info -> RevisionView.of(info, current)).toList(), format, whenEmpty);
    }

    /**
     * @param session   the session
     * @param views     the revisions, in the order to print
     * @param format    the human format without {@code --verbose}
     * @param whenEmpty what to tell people when there is nothing to list
     */
    private static void printViews(Session session, List<RevisionView> views, Format format, String whenEmpty) {
        if (views.isEmpty()) {
            session.output().note(whenEmpty);
        }
        session.output().report(new RevisionsReport(views, session.output().verbose() ? Format.DETAIL : format));
    }
}
