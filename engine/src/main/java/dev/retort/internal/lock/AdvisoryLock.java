package dev.retort.internal.lock;

import dev.retort.error.ConnectionException;
import dev.retort.error.LockTimeoutException;
import dev.retort.internal.execute.Connections;
import dev.retort.internal.execute.ErrorTranslation;
import dev.retort.internal.history.ServerCheck;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.CRC32;

/**
 * The migration lock: a session-level {@code pg_try_advisory_lock} taken on a connection of its
 * own and polled with backoff (the caller owns that connection; see {@code RunSession}). Never {@code pg_advisory_lock}, which would block a server
 * session indefinitely, and never a transaction-scoped lock, which {@code CREATE INDEX
 * CONCURRENTLY} would wait for forever. Because the lock belongs to the session, a crashed
 * process cannot leak it: its connection closes and the server releases the lock.
 */
public final class AdvisoryLock {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    /** "RTRT" in the high half keeps Retort's keys apart from an application's own advisory locks. */
    private static final long NAMESPACE = 0x5254525400000000L;

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
     * Takes the lock on a connection dedicated to it, polling with backoff until the timeout.
     *
     * @param connection the lock's connection
     * @return how long it waited; fails with {@link LockTimeoutException} after the timeout
     */
    public Mono<Duration> acquire(Connection connection) {
        long started = System.nanoTime();
        return tryOnce(connection)
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(LockBusy::new))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF).maxBackoff(MAX_BACKOFF)
                        .filter(LockBusy.class::isInstance))
                .timeout(timeout, Mono.error(() -> new LockTimeoutException(key, timeout)))
                .map(locked -> Duration.ofNanos(System.nanoTime() - started));
    }

    private Mono<Boolean> tryOnce(Connection connection) {
        return Connections.query(connection, "SELECT pg_try_advisory_lock(" + key + ")",
                row -> row.get(0, Boolean.class)).single();
    }

    /**
     * Releases the lock on the connection that took it.
     *
     * @param connection the lock's connection
     * @return completes when released; never fails
     */
    public Mono<Void> release(Connection connection) {
        // If the connection broke, the server has already dropped the session and its lock.
        return Connections.execute(connection, "SELECT pg_advisory_unlock(" + key + ")")
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
     * {@link #LOCK_LOST}) unless the lock's session still holds the lock: the server's own lock
     * table answers, so the check costs no round trip of its own and runs just before the commit.
     *
     * @param lockPid the server process id of the lock's session
     * @return the statement
     */
    public String heldBy(int lockPid) {
        // pg_locks shows a bigint key as its high half in classid and its low half in objid.
        return "SELECT " + ServerCheck.failUnless("EXISTS (SELECT 1 FROM pg_catalog.pg_locks WHERE locktype = 'advisory'"
                + " AND granted AND pid = " + lockPid + " AND classid = '" + (key >>> 32) + "'::oid AND objid = '"
                + (key & 0xFFFF_FFFFL) + "'::oid AND objsubid = 1)", LOCK_LOST);
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
