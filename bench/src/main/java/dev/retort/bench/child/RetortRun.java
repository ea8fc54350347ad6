package dev.retort.bench.child;

import dev.retort.Retort;
import dev.retort.Target;
import dev.retort.bench.run.Server;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RevisionApplied;
import dev.retort.event.RevisionStarted;
import dev.retort.event.RunCompleted;
import dev.retort.event.StatementExecuted;
import dev.retort.spi.MigrationSource;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;

import java.nio.file.Path;

/**
 * Retort as an application embeds it: a connection factory from an R2DBC URL, a directory source,
 * {@code upgrade(HEADS)} blocked on at the edge. The run's events also give a breakdown of where
 * its time went: before the first revision (files, connections, lock, plan), inside statements
 * (server round trips), and the rest of each revision (bookkeeping and commit).
 */
public final class RetortRun implements InProcessTool {

    @Override
    public Run prepare(Path migrations, Server server, String database) {
        ConnectionFactory factory = ConnectionFactories.get(server.r2dbcUrl(database));
        Retort retort = Retort.builder(factory).migrations(MigrationSource.directory(migrations)).build();
        return new Tallied(retort);
    }

    /** One run, adding up the durations its events report. */
    private static final class Tallied implements Run {

        private final Retort retort;
        private long subscribed;
        private long firstRevision;
        private long statementNanos;
        private long revisionNanos;
        private long runNanos;
        private int revisions;

        Tallied(Retort retort) {
            this.retort = retort;
        }

        @Override
        public void migrate() {
            subscribed = System.nanoTime();
            retort.upgrade(Target.HEADS).doOnNext(this::tally).blockLast();
        }

        private void tally(MigrationEvent event) {
            if (event instanceof RevisionStarted && firstRevision == 0) {
                firstRevision = System.nanoTime();
            } else if (event instanceof StatementExecuted executed) {
                statementNanos += executed.duration().toNanos();
            } else if (event instanceof RevisionApplied applied) {
                revisionNanos += applied.duration().toNanos();
                revisions++;
            } else if (event instanceof RunCompleted completed) {
                runNanos = completed.duration().toNanos();
            }
        }

        @Override
        public String details() {
            long beforeFirst = (firstRevision == 0 ? System.nanoTime() : firstRevision) - subscribed;
            return "revisions=" + revisions + " before_first_revision_nanos=" + beforeFirst
                    + " statement_nanos=" + statementNanos + " revision_nanos=" + revisionNanos
                    + " run_nanos=" + runNanos;
        }
    }
}
