package dev.retort.cli.command;

import dev.retort.NewRevisionFile;
import dev.retort.Revisions;
import dev.retort.cli.Session;
import dev.retort.cli.output.NewRevisionReport;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes the file of {@code revision} and {@code merge}, then reads all files back through the
 * engine: if the new one does not parse or breaks the graph (a bad id or label), it is removed
 * again and the engine's error reported, so a command never leaves an invalid file behind.
 */
final class RevisionWriter {

    private final Session session;

    RevisionWriter(Session session) {
        this.session = session;
    }

    /**
     * @param revisions the graph before the new file
     * @param options   message, id and labels as given
     * @param revises   the new revision's parents
     * @param dependsOn its dependencies
     * @return the exit code
     * @throws IOException when the file cannot be written
     */
    int write(Revisions revisions, NewRevisionOptions options, List<String> revises, List<String> dependsOn)
            throws IOException {
        return write(header(revisions, options, revises, dependsOn));
    }

    /**
     * @param revisions the graph before the new file
     * @param options   message, id and labels as given
     * @param revises   the new revision's parents
     * @param dependsOn its dependencies
     * @return the new file with empty sections; its id is new
     */
    static NewRevisionFile header(Revisions revisions, NewRevisionOptions options, List<String> revises,
            List<String> dependsOn) {
        String id = options.revisionId() != null ? options.revisionId()
                : RevisionIds.next(revisions.all(), options.message());
        revisions.get(id).ifPresent(existing -> {
            throw usage("Revision " + id + " already exists in " + existing.file() + "; choose another --rev-id.");
        });
        return new NewRevisionFile(id, revises, options.message(), options.branchLabels(), dependsOn);
    }

    /**
     * @param revision the file to write
     * @return the exit code
     * @throws IOException when the file cannot be written
     */
    int write(NewRevisionFile revision) throws IOException {
        Path file = create(session.settings().migrations(), revision);
        readBack(file);
        session.output().report(new NewRevisionReport(revision.id(), revision.revises(),
                session.relativeIfInside(file).toString()));
        return 0;
    }

    private static Path create(Path directory, NewRevisionFile revision) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw usage("The migrations directory " + directory + " does not exist; run 'retort init', or point"
                    + " --migrations at it.");
        }
        Path file = directory.resolve(revision.id() + ".sql").normalize();
        if (!directory.normalize().equals(file.getParent())) {
            throw usage("The revision id '" + revision.id() + "' is not a file name; use letters, digits, '_'"
                    + " and '.'.");
        }
        try {
            return Files.writeString(file, revision.text(), StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw usage(file + " already exists; choose another --rev-id or message.");
        }
    }

    private void readBack(Path file) throws IOException {
        try {
            session.revisions();
        } catch (RetortException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static RetortException usage(String message) {
        return new RetortException(ErrorCode.INVALID_CONFIGURATION, message);
    }
}
