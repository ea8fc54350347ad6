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

/**
 * The server's floor: {@code psql -f} of the same statements, one transaction per migration, in
 * one session, with no bookkeeping at all. No migration tool can do less work than this. Its
 * no-op is a connection and one query ({@code SELECT 1}), the least any tool must do to learn that
 * nothing is pending.
 */
public final class PsqlTool implements Tool {

    private static final String SCRIPT = "floor.sql";

    private final Server server;

    /** @param server the server */
    public PsqlTool(Server server) {
        this.server = server;
    }

    @Override
    public String id() {
        return "psql";
    }

    @Override
    public String label() {
        return "psql -f (floor)";
    }

    @Override
    public void write(Workload workload, Path dir) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(SCRIPT))) {
            for (Migration migration : workload.migrations()) {
                out.write("BEGIN;\n");
                out.write(migration.upgradeScript());
                out.write("COMMIT;\n");
            }
        }
    }

    @Override
    public List<String> apply(Path dir, String database) {
        List<String> command = new ArrayList<>(server.psql(database));
        command.addAll(List.of("-f", dir.resolve(SCRIPT).toString()));
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
        return "no-op = connect + SELECT 1";
    }
}
