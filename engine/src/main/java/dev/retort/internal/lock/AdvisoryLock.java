package dev.retort.internal.lock;

import dev.retort.error.ConnectionException;
import dev.retort.error.LockTimeoutException;
import dev.retort.internal.r2dbc.Connections;
import dev.retort.internal.r2dbc.ErrorTranslation;
import dev.retort.internal.sql.ServerCheck;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.CRC32;

/**
 * The migration lock: a session-level {@code pg_try_advisory_lock} taken on a connection of its
 * own and polled with backoff (the caller owns that connection; see {@code RunSession}). Never
 * {@code pg_advisory_lock}, which would block a server session indefinitely, and never a
 * transaction-scoped lock, which {@code CREATE INDEX CONCURRENTLY} would wait for forever. Because
 * the lock belongs to the session, a crashed process cannot leak it: its connection closes and the
 * server releases the lock.
 *
 * <p>With the lock, its session takes a second session lock keyed by its own process id, the
 * <em>marker</em>. The work connection's transactions check the marker ({@link #heldBy}): it is
 * held exactly as long as the lock's session lives, and no other run's session can hold it, so a
 * lost lock is noticed even when another run has taken the lock since.
 */
public final class AdvisoryLock {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    /** "RTRT" in the high half keeps Retort's keys apart from an application's own advisory locks. */
    private static final long NAMESPACE = 0x5254525400000000L;
    /** The marker's key is the pair (this, the lock session's pid): "RTRT" again, as an int4. */
    private static final int MARKER_CLASS = (int) (NAMESPACE >>> 32);

    private final long key;
    private final Duration timeout;

    /**
     * @param scope       what the lock protects, e.g. the qualified version table
     * @param timeout     how long to wait for another run to release it
     */
    public AdvisoryLock(String scope, Duration timeout) {
        this.key = keyOf(scope);
        this.timeout = timeout;
    }

    /**
     * @param scope what the lock protects
     * @return the advisory lock key for it, stable across processes and versions
     */
    public static long keyOf(String scope) {
        CRC32 crc = new CRC32();
        crc.update(scope.getBytes(StandardCharsets.UTF_8));
        return NAMESPACE | crc.getValue();
    }

    /**
     * The lock as taken.
     *
     * @param waited     how long it was waited for
     * @param sessionPid the server process id of the session holding it, for {@link #heldBy}
     */
    public record Held(Duration waited, int sessionPid) {
    }

    /**
     * Takes the lock and its marker on a connection dedicated to it, polling with backoff until the
     * timeout.
     *
     * @param connection the lock's connection
     * @return the lock as taken; fails with {@link LockTimeoutException} after the timeout
     */
    public Mono<Held> acquire(Connection connection) {
        long started = System.nanoTime();
        return tryOnce(connection)
                .filter(pid -> pid != 0)
                .switchIfEmpty(Mono.error(LockBusy::new))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF).maxBackoff(MAX_BACKOFF)
                        .filter(LockBusy.class::isInstance))
                .timeout(timeout, Mono.error(() -> new LockTimeoutException(key, timeout)))
                .map(pid -> new Held(Duration.ofNanos(System.nanoTime() - started), pid));
    }

    /** @return the session's pid once it holds the lock and the marker; 0 while the lock is busy */
    private Mono<Integer> tryOnce(Connection connection) {
        // CASE fixes the order: the marker is taken only with the lock. Only a session with this pid
        // takes this marker, and a session's locks end with it, so taking the marker cannot fail.
        return Connections.query(connection, "SELECT CASE WHEN pg_try_advisory_lock(" + key + ") THEN pg_backend_pid()"
                        + " * pg_try_advisory_lock(" + MARKER_CLASS + ", pg_backend_pid())::int ELSE 0 END",
                row -> row.get(0, Integer.class)).single();
    }

    /**
     * Releases the lock on the connection that took it.
     *
     * @param connection the lock's connection
     * @return completes when released; never fails
     */
    public Mono<Void> release(Connection connection) {
        // If the connection broke, the server has already dropped the session and its lock.
        return Connections.execute(connection, "SELECT pg_advisory_unlock(" + key + "), pg_advisory_unlock("
                        + MARKER_CLASS + ", pg_backend_pid())")
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    /**
     * Checks that the lock's session is still alive, and so still holds the lock: a session lock
     * ends only with an unlock or with its session (terminated by an administrator, a failover, a
     * network cut).
     *
     * @param connection the lock's connection
     * @return completes when the lock is held; fails with a {@link dev.retort.error.ConnectionException}
     *     when it was lost
     */
    public Mono<Void> verify(Connection connection) {
        return Connections.execute(connection, "SELECT 1").onErrorMap(this::lost).then();
    }

    /** The marker of {@link #heldBy}'s check. */
    public static final String LOCK_LOST = "retort: the migration lock was lost";

    /**
     * A statement for the work connection's transaction that fails ({@link ServerCheck}, marker
     * {@link #LOCK_LOST}) unless the lock's session still holds the marker, and so the lock: a
     * shared try of the marker succeeds only when no session holds it. Asking the lock table this
     * way costs a few microseconds, where reading {@code pg_locks} costs a tenth of a millisecond
     * per revision in a transaction holding a migration's locks; it needs no round trip of its own
     * and runs just before the commit. When the check fails, the shared lock it took ends with the
     * rollback.
     *
     * @param sessionPid the server process id of the lock's session ({@link Held#sessionPid})
     * @return the statement
     */
    public String heldBy(int sessionPid) {
        return "SELECT " + ServerCheck.failUnless("NOT pg_try_advisory_xact_lock_shared(" + MARKER_CLASS + ", "
                + sessionPid + ")", LOCK_LOST);
    }

    /**
     * @param error the failure of a {@link #heldBy} check
     * @return the explanation to report
     */
    public ConnectionException lost(Throwable error) {
        return new ConnectionException("The migration lock (pg_advisory_lock key " + key
                + ") was lost because its database session ended: " + ErrorTranslation.describe(error)
                + ". The revision in progress was rolled back so that no two runs migrate at once; run the"
                + " command again.", error);
    }

    /** @return the advisory lock key this lock uses */
    public long key() {
        return key;
    }

    /** Signals one unsuccessful try, so that only this is retried. */
    private static final class LockBusy extends RuntimeException {
        LockBusy() {
            super(null, null, false, false);
        }
    }
}
