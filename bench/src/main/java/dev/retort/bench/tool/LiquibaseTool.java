package dev.retort.bench.tool;

import dev.retort.bench.workload.Migration;
import dev.retort.bench.workload.Workload;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Liquibase (JDBC) with one formatted-SQL changelog: {@code --liquibase formatted sql}, one
 * {@code --changeset} per migration, each run in its own transaction (Liquibase's default).
 *
 * <p>Liquibase's statement splitter does not understand dollar quotes: it cuts a PL/pgSQL body at
 * its first semicolon ("Unterminated dollar quote"). Its documented remedy is
 * {@code splitStatements:false} on such a change set, which hands the whole change set to the JDBC
 * driver as one string; pgjdbc then splits it itself and sends its statements in one round trip.
 * The harness does that for the change sets with a function, as a user would.
 */
public final class LiquibaseTool extends JvmTool {

    /** The changelog's file name, relative to the directory Liquibase reads from. */
    public static final String CHANGELOG = "changelog.sql";

    /** @param java how to start the child JVM */
    public LiquibaseTool(ChildJava java) {
        super(java);
    }

    @Override
    public String id() {
        return "liquibase";
    }

    @Override
    public String label() {
        return "Liquibase";
    }

    @Override
    protected String classpathName() {
        return "liquibase";
    }

    @Override
    protected String runClass() {
        return "dev.retort.bench.child.LiquibaseRun";
    }

    /** Analytics would send usage data over the network, which this machine must not do. */
    @Override
    protected List<String> toolOptions() {
        return List.of("-Dliquibase.analytics.enabled=false");
    }

    @Override
    public void write(Workload workload, Path dir) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(CHANGELOG))) {
            out.write("--liquibase formatted sql\n\n");
            for (Migration migration : workload.migrations()) {
                boolean dollarQuoted = migration.upgrade().stream().anyMatch(sql -> sql.contains("$$"));
                out.write("--changeset bench:" + migration.number() + (dollarQuoted ? " splitStatements:false" : "")
                        + "\n");
                out.write(migration.upgradeScript());
                out.write('\n');
            }
        }
    }

    /** Liquibase keeps every change set in one changelog: a deploy adds one to it. */
    @Override
    public Optional<List<String>> deploy(Workload workload, Path dir, String database) throws IOException {
        write(workload.withNext(), dir);
        return Optional.of(apply(dir, database));
    }

    @Override
    public void undeploy(Workload workload, Path dir) throws IOException {
        write(workload, dir);
    }

    @Override
    public String note() {
        return "liquibase.analytics.enabled=false (no network here); splitStatements:false on the change sets"
                + " with a dollar-quoted function body, since Liquibase's splitter breaks them";
    }
}
