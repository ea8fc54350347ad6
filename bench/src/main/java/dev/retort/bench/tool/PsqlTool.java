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
 * <p>{@link #withBookkeeping} is the same script with Retort's own bookkeeping statements in each
 * transaction ({@link BookkeepingSql}): the floor for any tool that records what it applied the way
 * Retort does, and the measure of what that recording costs the server.
 */
public final class PsqlTool implements Tool {

    private static final String SCRIPT = "floor.sql";
    private static final String DEPLOY_SCRIPT = "deploy.sql";

    private final Server server;
    private final BookkeepingSql bookkeeping;

    private PsqlTool(Server server, BookkeepingSql bookkeeping) {
        this.server = server;
        this.bookkeeping = bookkeeping;
    }

    /**
     * @param server the server
     * @return the floor without bookkeeping
     */
    public static PsqlTool floor(Server server) {
        return new PsqlTool(server, null);
    }

    /**
     * @param server the server
     * @return the floor with Retort's bookkeeping statements in every transaction
     */
    public static PsqlTool withBookkeeping(Server server) {
        return new PsqlTool(server, new BookkeepingSql());
    }

    @Override
    public String id() {
        return bookkeeping == null ? "psql" : "psql-bookkeeping";
    }

    @Override
    public String label() {
        return bookkeeping == null ? "psql -f (floor)" : "psql -f + Retort's bookkeeping";
    }

    @Override
    public void write(Workload workload, Path dir) throws IOException {
        write(workload.migrations(), null, dir.resolve(SCRIPT));
    }

    /** The floor of a deploy: a script of the new migration's transaction alone. */
    @Override
    public Optional<List<String>> deploy(Workload workload, Path dir, String database) throws IOException {
        List<Migration> applied = workload.migrations();
        write(List.of(workload.next()), applied.get(applied.size() - 1), dir.resolve(DEPLOY_SCRIPT));
        return Optional.of(script(dir.resolve(DEPLOY_SCRIPT), database));
    }

    @Override
    public void undeploy(Workload workload, Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(DEPLOY_SCRIPT));
    }

    private void write(List<Migration> migrations, Migration previous, Path script) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(script)) {
            if (bookkeeping != null) {
                out.write(bookkeeping.prologue());
            }
            Migration before = previous;
            for (Migration migration : migrations) {
                out.write("BEGIN;\n");
                out.write(migration.upgradeScript());
                if (bookkeeping != null) {
                    out.write(bookkeeping.record(migration, before));
                }
                out.write("COMMIT;\n");
                before = migration;
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
        return bookkeeping == null ? "no-op = connect + SELECT 1"
                : "the floor's script plus, in each transaction, the version-row change, history row and lock check"
                        + " Retort sends (built by Retort's own SQL classes); no-op = connect + SELECT 1";
    }
}
