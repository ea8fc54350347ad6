package dev.retort.bench.tool;

import dev.retort.bench.workload.Migration;
import dev.retort.bench.workload.Workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The R2DBC floor: the same statements through r2dbc-postgresql on one connection, one
 * transaction per migration, with no tool around them (no files to validate, no lock, no
 * bookkeeping). The gap between this and psql is the client stack's (JVM, Reactor, Netty, driver);
 * the gap between this and an R2DBC tool is the tool's own.
 */
public final class R2dbcFloorTool extends JvmTool implements FilePerMigration {

    /** Separates statements in the files this tool writes; no statement of the workload contains it. */
    public static final String SEPARATOR = "\n--@@\n";

    private static final String DEPLOY_DIRECTORY = "deploy";

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

    /** The driver's floor of a deploy: it applies whatever it is given, so a directory of the new file alone. */
    @Override
    public Optional<List<String>> deploy(Workload workload, Path dir, String database) throws IOException {
        Path deploy = Files.createDirectories(dir.resolve(DEPLOY_DIRECTORY));
        Files.writeString(file(workload.next(), deploy), text(workload.next()));
        return Optional.of(apply(deploy, database));
    }

    @Override
    public void undeploy(Workload workload, Path dir) throws IOException {
        Path deploy = dir.resolve(DEPLOY_DIRECTORY);
        Files.deleteIfExists(file(workload.next(), deploy));
        Files.deleteIfExists(deploy);
    }

    @Override
    public Path file(Migration migration, Path dir) {
        return dir.resolve(String.format("%05d.sql", migration.number()));
    }

    @Override
    public String text(Migration migration) {
        return String.join(SEPARATOR, migration.upgrade());
    }

    @Override
    public String note() {
        return "not a migration tool: applies every file it is given, no history; its no-op is a connection"
                + " and SELECT 1";
    }
}
