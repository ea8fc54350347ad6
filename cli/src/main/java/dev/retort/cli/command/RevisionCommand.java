package dev.retort.cli.command;

import dev.retort.NewRevisionFile;
import dev.retort.Revisions;
import dev.retort.cli.Session;
import dev.retort.error.TargetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code retort revision -m MSG}: writes a new migration file revising the head of the files, or
 * the revision(s) {@code --head} names ({@code base} starts a new, independent branch). With
 * {@code --autogenerate}, its sections are the DDL from the schema the migrations make to the
 * schema of {@code --to} (the {@code --url} database by default) and back.
 */
@Command(name = "revision", description = "Create a new migration file revising the current head; with"
        + " --autogenerate, written from what differs between the migrations and a database.")
public final class RevisionCommand extends SessionCommand {

    @Mixin
    private NewRevisionOptions options;

    @Option(names = "--head", paramLabel = "REV",
            description = "What the new revision revises: a revision, <branch>@head, heads, or base for a new root.")
    private String head;

    @Option(names = "--depends-on", paramLabel = "REV", split = ",",
            description = "A revision that must be applied first, without merging (repeatable).")
    private List<String> dependsOn = new ArrayList<>();

    @Option(names = "--autogenerate",
            description = "Write the sections from what differs between the migrations at the revised revision and"
                    + " --to: the upgrade makes --to's schema, the downgrade the one before.")
    private boolean autogenerate;

    @Option(names = "--to", paramLabel = "SOURCE", defaultValue = "database",
            description = "With --autogenerate, the schema to arrive at: " + SchemaSources.FORMS
                    + " (default ${DEFAULT-VALUE}, the --url database, e.g. a development database changed by hand).")
    private String to;

    @Override
    int run(Session session) throws IOException {
        Revisions revisions = session.revisions();
        NewRevisionFile header = RevisionWriter.header(revisions, options, parents(revisions),
                RevisionPoints.resolveAll(revisions, dependsOn));
        if (!autogenerate) {
            return new RevisionWriter(session).write(header);
        }
        Optional<NewRevisionFile> written = session.await(session.online()
                .autogenerate(header, SchemaSources.read(session, to)).map(Optional::of).defaultIfEmpty(Optional.empty()));
        if (written.isEmpty()) {
            String at = header.revises().isEmpty() ? "base" : String.join(", ", header.revises());
            session.output().note("No differences between the migrations at " + at + " and "
                    + SchemaSources.label(to) + ": no file written.");
            return 0;
        }
        return new RevisionWriter(session).write(written.get());
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
