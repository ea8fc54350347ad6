package dev.retort.error;

import java.time.Duration;

/** Another run held the migration lock for longer than the configured lock timeout. */
public final class LockTimeoutException extends RetortException {

    private final long lockKey;
    private final Duration waited;

    /**
     * @param lockKey the advisory lock key waited for
     * @param waited  how long this run waited
     */
    public LockTimeoutException(long lockKey, Duration waited) {
        super(ErrorCode.LOCK_TIMEOUT, "Could not acquire the migration lock (pg_advisory_lock key " + lockKey
                + ") within " + waited + ": another migration run holds it. Wait for it to finish, or find the"
                + " session holding it in pg_locks (locktype 'advisory') and raise the lock timeout if runs are long.");
        this.lockKey = lockKey;
        this.waited = waited;
    }

    /** @return the advisory lock key waited for, as {@link dev.retort.Retort#lockKey()} gives it */
    public long lockKey() {
        return lockKey;
    }

    /** @return how long this run waited */
    public Duration waited() {
        return waited;
    }
}
