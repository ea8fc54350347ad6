package dev.retort.bench.tool;

import dev.retort.bench.workload.Migration;
import dev.retort.bench.workload.Workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Retort as a library: {@code Retort.upgrade(Target.HEADS)} over r2dbc-postgresql, default settings. */
public final class RetortTool extends JvmTool {

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

    @Override
    public void write(Workload workload, Path dir) throws IOException {
        writeRevisions(workload, dir);
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
        for (Migration migration : workload.migrations()) {
            StringBuilder text = new StringBuilder();
            text.append("-- revision: ").append(revision(migration.number())).append('\n');
            if (migration.number() > 1) {
                text.append("-- revises: ").append(revision(migration.number() - 1)).append('\n');
            }
            text.append("-- message: ").append(migration.name()).append("\n\n");
            text.append("-- +upgrade\n").append(migration.upgradeScript()).append('\n');
            text.append("-- +downgrade\n").append(migration.downgradeScript());
            Files.writeString(dir.resolve(revision(migration.number()) + ".sql"), text);
        }
    }

    private static String revision(int number) {
        return String.format("m%05d", number);
    }
}
