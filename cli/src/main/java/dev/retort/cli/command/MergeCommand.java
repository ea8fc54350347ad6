package dev.retort.cli.command;

import dev.retort.Revisions;
import dev.retort.cli.Session;
import dev.retort.error.TargetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.List;

/** {@code retort merge -m MSG REV...}: writes a merge revision whose parents are the given revisions. */
@Command(name = "merge", description = "Create a merge revision that revises the given revisions (often: heads).")
public final class MergeCommand extends SessionCommand {

    @Mixin
    private NewRevisionOptions options;

    @Parameters(arity = "1..*", paramLabel = "REV", description = "The revisions to merge: ids, prefixes, heads...")
    private List<String> revisionsToMerge;

    @Override
    int run(Session session) throws IOException {
        Revisions revisions = session.revisions();
        List<String> parents = RevisionPoints.resolveAll(revisions, revisionsToMerge);
        if (parents.size() < 2) {
            throw new TargetException(String.join(" ", revisionsToMerge), "A merge joins two or more revisions, but "
                    + String.join(" ", revisionsToMerge) + " names " + (parents.isEmpty() ? "none" : "only "
                    + parents.get(0)) + ".", revisions.heads());
        }
        return new RevisionWriter(session).write(revisions, options, parents, List.of());
    }
}
