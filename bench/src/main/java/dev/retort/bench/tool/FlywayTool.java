package dev.retort.bench.tool;

import dev.retort.bench.workload.Migration;
import dev.retort.bench.workload.Workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Flyway (community, JDBC): {@code V<n>__<name>.sql} files in a {@code filesystem:} location,
 * default configuration (validate on migrate, one transaction per migration).
 */
public final class FlywayTool extends JvmTool {

    /** @param java how to start the child JVM */
    public FlywayTool(ChildJava java) {
        super(java);
    }

    @Override
    public String id() {
        return "flyway";
    }

    @Override
    public String label() {
        return "Flyway";
    }

    @Override
    protected String classpathName() {
        return "flyway";
    }

    @Override
    protected String runClass() {
        return "dev.retort.bench.child.FlywayRun";
    }

    @Override
    public void write(Workload workload, Path dir) throws IOException {
        for (Migration migration : workload.migrations()) {
            Files.writeString(dir.resolve("V" + migration.number() + "__" + migration.name() + ".sql"),
                    migration.upgradeScript());
        }
    }
}
