package dev.retort.bench.child;

import dev.retort.MigrationSources;
import dev.retort.Retort;
import dev.retort.Target;
import dev.retort.bench.run.Server;
import dev.retort.event.LockAcquired;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RevisionApplied;
import dev.retort.event.RevisionStarted;
import dev.retort.event.RunCompleted;
import dev.retort.event.RunPlanned;
import dev.retort.event.RunStarted;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Retort as an application embeds it: a connection factory from an R2DBC URL, a directory source,
 * {@code upgrade(HEADS)} blocked on at the edge. The run's events, timed as they arrive, split its
 * wall time into phases (see {@link Phases}), so the report can say where the time went.
 */
public final class RetortRun implements InProcessTool {

    @Override
    public Run prepare(Path migrations, Server server, String database) {
        ConnectionFactory factory = ConnectionFactories.get(server.r2dbcUrl(database));
        Retort retort = Retort.builder(factory).migrations(MigrationSources.directory(migrations)).build();
        return new Phases(retort);
    }

    /**
     * One run and its phases, each printed as {@code phase.<name>=<nanos>}: {@code files}
     * (reading and validating every file while connecting and reading the version table, until
     * {@code RunStarted}), {@code connect_lock} (two connections and the advisory lock),
     * {@code read_plan_check} (version table under the lock, plan, statement checks),
     * {@code create_tables} (Retort's tables, first run only), {@code revisions} (first revision
     * started to last applied: a revision's statements, bookkeeping and commit travel together, so
     * they cannot be told apart from the client), {@code finish}
     * (unlock and close, until {@code RunCompleted}) and {@code after} (until the stream completes).
     */
    private static final class Phases implements Run {

        private final Retort retort;
        private final Map<String, Long> phases = new LinkedHashMap<>();
        private long mark;
        private int revisions;

        Phases(Retort retort) {
            this.retort = retort;
        }

        @Override
        public void migrate() {
            mark = System.nanoTime();
            retort.upgrade(Target.HEADS).doOnNext(this::onEvent).blockLast();
            lap("after");
        }

        private void onEvent(MigrationEvent event) {
            if (event instanceof RunStarted) {
                lap("files");
            } else if (event instanceof LockAcquired) {
                lap("connect_lock");
            } else if (event instanceof RunPlanned) {
                lap("read_plan_check");
            } else if (event instanceof RevisionStarted && revisions == 0 && !phases.containsKey("create_tables")) {
                lap("create_tables");
            } else if (event instanceof RevisionApplied) {
                revisions++;
                lap("revisions");
            } else if (event instanceof RunCompleted) {
                lap("finish");
            }
        }

        /** Adds the time since the previous lap to a phase; the revisions phase spans many events. */
        private void lap(String phase) {
            long now = System.nanoTime();
            phases.merge(phase, now - mark, Long::sum);
            mark = now;
        }

        @Override
        public String details() {
            return "revisions=" + revisions + " " + phases.entrySet().stream()
                    .map(e -> "phase." + e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        }
    }
}
