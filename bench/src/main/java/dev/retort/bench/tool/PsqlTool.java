package dev.retort.bench.tool;

import dev.retort.bench.run.Server;
import dev.retort.bench.workload.Migration;
import dev.retort.bench.workload.Workload;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server's floor: {@code psql -f} of the same statements, one transaction per migration, in
 * one session, with no bookkeeping at all. No migration tool can do less work than this. Its
 * no-op is a connection and one query ({@code SELECT 1}), the least any tool must do to learn that
 * nothing is pending.
 *
 * <p>{@link #withBookkeeping} runs Retort's own offline script instead ({@link OfflineScript}): the
 * same statements, and in each transaction the version guard, version-row change and history row
 * Retort writes. It is the floor for any tool that records what it applied the way Retort does,
 * and the measure of what that recording costs the server.
 */
public final class PsqlTool implements Tool {

    private static final String SCRIPT = "floor.sql";
    private static final String DEPLOY_SCRIPT = "deploy.sql";

    private final Server server;
    private final boolean bookkeeping;

    private PsqlTool(Server server, boolean bookkeeping) {
        this.server = server;
        this.bookkeeping = bookkeeping;
    }

    /**
     * @param server the server
     * @return the floor without bookkeeping
     */
    public static PsqlTool floor(Server server) {
        return new PsqlTool(server, false);
    }

    /**
     * @param server the server
     * @return Retort's offline script of the same migrations, run by psql
     */
    public static PsqlTool withBookkeeping(Server server) {
        return new PsqlTool(server, true);
    }

    @Override
    public String id() {
        return bookkeeping ? "psql-bookkeeping" : "psql";
    }

    @Override
    public String label() {
        return bookkeeping ? "psql -f Retort's offline script" : "psql -f (floor)";
    }

    @Override
    public void write(Workload workload, Path dir) throws IOException {
        if (bookkeeping) {
            Files.writeString(dir.resolve(SCRIPT), OfflineScript.upgrade(workload.migrations(), Optional.empty(),
                    dir.resolve("revisions")));
        } else {
            write(workload.migrations(), dir.resolve(SCRIPT));
        }
    }

    /** The floor of a deploy: a script of the new migration's transaction alone. */
    @Override
    public Optional<List<String>> deploy(Workload workload, Path dir, String database) throws IOException {
        List<Migration> applied = workload.migrations();
        if (bookkeeping) {
            List<Migration> files = new ArrayList<>(applied);
            files.add(workload.next());
            Files.writeString(dir.resolve(DEPLOY_SCRIPT), OfflineScript.upgrade(files,
                    Optional.of(applied.get(applied.size() - 1)), dir.resolve("deploy-revisions")));
        } else {
            write(List.of(workload.next()), dir.resolve(DEPLOY_SCRIPT));
        }
        return Optional.of(script(dir.resolve(DEPLOY_SCRIPT), database));
    }

    @Override
    public void undeploy(Workload workload, Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(DEPLOY_SCRIPT));
    }

    private static void write(List<Migration> migrations, Path script) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(script)) {
            for (Migration migration : migrations) {
                out.write("BEGIN;\n");
                out.write(migration.upgradeScript());
                out.write("COMMIT;\n");
            }
        }
    }

    @Override
    public List<String> apply(Path dir, String database) {
        return script(dir.resolve(SCRIPT), database);
    }

    private List<String> script(Path script, String database) {
        List<String> command = new ArrayList<>(server.psql(database));
        command.addAll(List.of("-f", script.toString()));
        return command;
    }

    @Override
    public List<String> noOp(Path dir, String database) {
        List<String> command = new ArrayList<>(server.psql(database));
        command.addAll(List.of("-c", "SELECT 1"));
        return command;
    }

    @Override
    public String note() {
        return bookkeeping ? "Retort's offline script (upgrade --sql, written by the engine): in each transaction the guard,"
                        + " version-row change and history row; no lock; no-op = connect + SELECT 1"
                : "no-op = connect + SELECT 1";
    }
}
