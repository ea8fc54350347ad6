package dev.retort.bench.tool;

import dev.retort.bench.workload.Workload;

import java.io.IOException;
import java.nio.file.Path;

/** Retort as a library: {@code Retort.upgrade(Target.HEADS)} over r2dbc-postgresql, default settings. */
public final class RetortTool extends JvmTool implements RevisionFiles {

    /** @param java how to start the child JVM */
    public RetortTool(ChildJava java) {
        super(java);
    }

    @Override
    public String id() {
        return "retort";
    }

    @Override
    public String label() {
        return "Retort (library)";
    }

    @Override
    protected String classpathName() {
        return "retort";
    }

    @Override
    protected String runClass() {
        return "dev.retort.bench.child.RetortRun";
    }

    /**
     * Writes one revision file per migration, {@code m00042.sql} revising {@code m00041.sql}, with
     * a downgrade section as real Retort files have (it is read and checksummed, never run here).
     *
     * @param workload the migrations
     * @param dir      where to write
     * @throws IOException when a file cannot be written
     */
    public static void writeRevisions(Workload workload, Path dir) throws IOException {
        // Writing starts no JVM, so the tool needs no way to start one.
        new RetortTool(null).write(workload, dir);
    }

    /**
     * @param number a migration's number
     * @return the revision id {@link #writeRevisions} gives it, e.g. {@code m00042}
     */
    public static String revisionId(int number) {
        return RevisionFiles.revision(number);
    }
}
