package dev.retort.bench.tool;

import dev.retort.Operation;
import dev.retort.bench.workload.Migration;
import dev.retort.internal.history.HistoryRow;
import dev.retort.internal.history.HistorySql;
import dev.retort.internal.history.TableNames;
import dev.retort.internal.lock.AdvisoryLock;

import java.time.Duration;
import java.util.List;

/**
 * The statements Retort adds to each revision's transaction, taken from the engine's own SQL
 * builders, written for a psql script: create Retort's tables, take the advisory lock, then per
 * migration move the version row, append the history row and check the lock is still held. Run
 * through psql, they show what the bookkeeping costs the server, apart from any client.
 *
 * <p>Retort sends them in the same query string as the revision's {@code COMMIT}, so they cost it no
 * round trip of their own; psql's {@code \;} does the same here (psql sends statements joined by it
 * as one query), so this floor differs from the bare one only by the server's work.
 */
final class BookkeepingSql {

    /** A checksum of the length Retort stores; its value costs the server nothing more. */
    private static final String CHECKSUM = "sha256:" + "0".repeat(64);

    /** No server process has this id; psql's {@code :lock_pid} variable replaces it. */
    private static final int PID_PLACEHOLDER = Integer.MAX_VALUE;

    private final HistorySql history = new HistorySql(TableNames.of("public", "retort"));
    private final String scope = history.names().versionTable();
    private final AdvisoryLock lock = new AdvisoryLock(scope, Duration.ZERO);

    /** @return the script's opening: the tables, the lock, and the session's pid in {@code :lock_pid} */
    String prologue() {
        StringBuilder text = new StringBuilder();
        for (String statement : history.createTablesIfMissing()) {
            text.append(statement).append(";\n");
        }
        return text.append("SELECT pg_advisory_lock(").append(AdvisoryLock.keyOf(scope)).append(");\n")
                .append("SELECT pg_backend_pid() AS lock_pid \\gset\n").toString();
    }

    /**
     * @param migration the migration whose transaction this goes into, before its {@code COMMIT}
     * @param previous  the migration it follows, or {@code null} for the first
     * @return the bookkeeping statements, each ending with psql's {@code \;}, so that psql sends them
     *     together with the {@code COMMIT} that must follow
     */
    String record(Migration migration, Migration previous) {
        List<String> deleted = previous == null ? List.of() : List.of(previous.name());
        HistoryRow row = new HistoryRow(migration.name(), Operation.UPGRADE, CHECKSUM, migration.name(), null, true);
        return history.recordStepOrFail(deleted, List.of(migration.name()), row) + " \\;\n" + lockCheck() + " \\;\n";
    }

    /**
     * Retort's lock check as this one session can pass it. Retort checks, from the work connection,
     * that the lock's session still holds its marker: a shared try of it must fail. A session's
     * own locks never conflict with its requests, so here the same try succeeds; the floor sends
     * it in that sense (the same function on the same key, taking and at the commit dropping the
     * shared lock, so no less work for the server).
     */
    private String lockCheck() {
        String retort = lock.heldBy(PID_PLACEHOLDER);
        String floor = retort.replace("NOT pg_try_advisory_xact_lock_shared", "pg_try_advisory_xact_lock_shared")
                .replace(Integer.toString(PID_PLACEHOLDER), ":lock_pid");
        if (floor.equals(retort) || floor.contains("NOT ")) {
            throw new IllegalStateException("Retort's lock check changed; the floor cannot mirror it: " + retort);
        }
        return floor;
    }
}
