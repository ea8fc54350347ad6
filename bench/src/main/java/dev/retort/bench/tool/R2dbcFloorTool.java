package dev.retort.bench.tool;

import dev.retort.bench.workload.Migration;
import dev.retort.bench.workload.Workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The R2DBC floor: the same statements through r2dbc-postgresql on one connection, one
 * transaction per migration, with no tool around them (no files to validate, no lock, no
 * bookkeeping). The gap between this and psql is the client stack's (JVM, Reactor, Netty, driver);
 * the gap between this and an R2DBC tool is the tool's own.
 */
public final class R2dbcFloorTool extends JvmTool {

    /** Separates statements in the files this tool writes; no statement of the workload contains it. */
    public static final String SEPARATOR = "\n--@@\n";

    /** @param java how to start the child JVM */
    public R2dbcFloorTool(ChildJava java) {
        super(java);
    }

    @Override
    public String id() {
        return "r2dbc-floor";
    }

    @Override
    public String label() {
        return "r2dbc-postgresql alone (floor)";
    }

    @Override
    protected String classpathName() {
        // The Retort class path holds exactly r2dbc-postgresql and its dependencies (and the engine, unused).
        return "retort";
    }

    @Override
    protected String runClass() {
        return "dev.retort.bench.child.R2dbcFloorRun";
    }

    @Override
    public void write(Workload workload, Path dir) throws IOException {
        for (Migration migration : workload.migrations()) {
            Files.writeString(dir.resolve(String.format("%05d.sql", migration.number())),
                    String.join(SEPARATOR, migration.upgrade()));
        }
    }

    @Override
    public String note() {
        return "not a migration tool: applies every file it is given, no history; its no-op is a connection"
                + " and SELECT 1";
    }
}
