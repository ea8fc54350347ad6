package dev.retort.cli.command;

import dev.retort.Revisions;
import dev.retort.cli.Session;
import dev.retort.error.TargetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code retort revision -m MSG}: writes a new migration file revising the head of the files, or
 * the revision(s) {@code --head} names ({@code base} starts a new, independent branch).
 */
@Command(name = "revision", description = "Create a new migration file revising the current head.")
public final class RevisionCommand extends SessionCommand {

    @Mixin
    private NewRevisionOptions options;

    @Option(names = "--head", paramLabel = "REV",
            description = "What the new revision revises: a revision, <branch>@head, heads, or base for a new root.")
    private String head;

    @Option(names = "--depends-on", paramLabel = "REV", split = ",",
            description = "A revision that must be applied first, without merging (repeatable).")
    private List<String> dependsOn = new ArrayList<>();

    @Override
    int run(Session session) throws IOException {
        Revisions revisions = session.revisions();
        return new RevisionWriter(session).write(revisions, options, parents(revisions),
                RevisionPoints.resolveAll(revisions, dependsOn));
    }

    private List<String> parents(Revisions revisions) {
        if (head != null) {
            return RevisionPoints.resolve(revisions, head);
        }
        if (revisions.heads().size() > 1) {
            throw new TargetException("head", "The migration files have " + revisions.heads().size() + " heads: "
                    + String.join(", ", revisions.heads()) + ". Pass --head with the one to build on, or join them"
                    + " first with 'retort merge -m MESSAGE heads'.", revisions.heads());
        }
        return revisions.heads();
    }
}
