package dev.retort.internal.execute;

import dev.retort.internal.lock.AdvisoryLock;
import dev.retort.internal.r2dbc.Connections;
import dev.retort.internal.r2dbc.ErrorTranslation;
import dev.retort.internal.r2dbc.SessionReset;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.function.Function;

/**
 * The two connections of a run that changes the database: one does the work, the other holds
 * the advisory lock. They are one resource with one cleanup, because the order of cleanup
 * matters: after a cancellation the work connection may still be running a statement inside a
 * transaction, so its backend is terminated (and waited for) before the lock is released;
 * otherwise the next run would get the lock and then wait on the abandoned transaction's locks.
 */
final class RunSession {

    /** How long a cancelled run waits for its abandoned work connection's backend to end. */
    private static final long TERMINATE_WAIT_MS = 30_000;

    /** The first server version with {@code client_connection_check_interval}. */
    private static final int CLIENT_CHECK_SINCE = 140000;

    private final Connections connections;
    private final AdvisoryLock lock;

    RunSession(Connections connections, AdvisoryLock lock) {
        this.connections = connections;
        this.lock = lock;
    }

    /**
     * @param work         the connection that runs migrations
     * @param workPid      its server process id
     * @param lockConnection the connection holding the advisory lock
     * @param lockPid      its server process id
     * @param waited       how long the lock was waited for
     * @param lock         the lock held on {@code lockConnection}
     * @param reset        what puts the work connection's session back as it was opened
     */
    record Session(Connection work, int workPid, Connection lockConnection, int lockPid, Duration waited,
            AdvisoryLock lock, SessionReset reset) {

        /** @return a check, started on subscription, that the lock is still held */
        Mono<Void> lockHeld() {
            return lock.verify(lockConnection);
        }

        /** @return a statement for the work connection's transaction that fails if the lock was lost */
        String lockHeldCheck() {
            return lock.heldBy(lockPid);
        }
    }

    /**
     * Opens both connections, takes the lock, runs {@code body}, and cleans up on completion,
     * error and cancellation.
     */
    <T> Flux<T> around(Function<Session, Flux<T>> body) {
        return Flux.usingWhen(open(),
                session -> body.apply(session).onErrorResume(e -> ErrorTranslation.translated(session.work(), e)),
                this::finish, (session, error) -> finish(session), this::abandon);
    }

    private Mono<Session> open() {
        return connections.open().flatMap(work -> prepare(work)
                .flatMap(facts -> connections.open().flatMap(lockConnection -> lock.acquire(lockConnection)
                        .map(held -> new Session(work, facts.pid(), lockConnection, held.sessionPid(), held.waited(),
                                lock, facts.reset()))
                        .onErrorResume(e -> ErrorTranslation.translated(lockConnection, e))
                        .onErrorResume(e -> Connections.close(lockConnection).then(Mono.error(e)))
                        .doOnCancel(() -> Connections.close(lockConnection).subscribe())))
                .onErrorResume(e -> Connections.close(work).then(Mono.error(e)))
                .doOnCancel(() -> Connections.close(work).subscribe()));
    }

    /**
     * What the run learns of its work connection when it opens it.
     *
     * @param pid   the server process id
     * @param reset what puts the session back as it is now
     */
    private record WorkFacts(int pid, SessionReset reset) {
    }

    /**
     * Reads the work connection's server process id and, on PostgreSQL 14+, asks the server to
     * check every second that the client is still there while a statement runs: if the process
     * running Retort is killed, the server then aborts its statement and transaction at once
     * instead of finishing a long statement for nobody while holding its locks. Then notes the
     * session's state, which every revision's end restores.
     */
    private static Mono<WorkFacts> prepare(Connection connection) {
        return Connections.query(connection, "SELECT pg_backend_pid(), current_setting('server_version_num')::int",
                        row -> new int[] {row.get(0, Integer.class), row.get(1, Integer.class)})
                .single()
                .flatMap(facts -> Connections.query(connection, (facts[1] >= CLIENT_CHECK_SINCE
                                ? "SET client_connection_check_interval = '1s'; " : "") + SessionReset.CAPTURE,
                                SessionReset::of)
                        .single()
                        .map(reset -> new WorkFacts(facts[0], reset)))
                .onErrorResume(e -> ErrorTranslation.translated(connection, e));
    }

    private Mono<Void> finish(Session session) {
        return lock.release(session.lockConnection())
                .then(Connections.close(session.lockConnection()))
                .then(Connections.close(session.work()));
    }

    private Mono<Void> abandon(Session session) {
        return terminate(session.lockConnection(), session.workPid()).then(finish(session));
    }

    /** Waiting for the backend to end needs PostgreSQL 14; older servers get a plain terminate. */
    private static Mono<Void> terminate(Connection lockConnection, int pid) {
        return Connections.execute(lockConnection, "SELECT pg_terminate_backend(" + pid + ", " + TERMINATE_WAIT_MS + ")")
                .onErrorResume(e -> Connections.execute(lockConnection, "SELECT pg_terminate_backend(" + pid + ")"))
                .onErrorResume(e -> Mono.empty())
                .then();
    }
}
