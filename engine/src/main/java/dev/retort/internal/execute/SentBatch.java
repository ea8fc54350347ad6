package dev.retort.internal.execute;

import dev.retort.internal.r2dbc.Connections;
import dev.retort.internal.r2dbc.ErrorTranslation;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A batch sent without waiting for the query before it on the connection to end, so that the
 * server starts it the moment that one ends instead of a client round trip later. Its results are
 * collected as they arrive, with their arrival times, and kept until the run turns to it. The
 * driver's conversation for it is always read to its end and never cancelled: a cancelled
 * conversation could leave later responses unread, and the connection out of step with the server.
 *
 * @param batch   the batch
 * @param sentAt  when it was handed to the driver ({@link System#nanoTime()})
 * @param outcome what came back, once all of it has
 */
record SentBatch(StatementBatch batch, long sentAt, Mono<Outcome> outcome) {

    /**
     * One statement's result.
     *
     * @param rows the rows it affected
     * @param at   when it arrived ({@link System#nanoTime()})
     */
    record Arrival(long rows, long at) {
    }

    /**
     * What came back for a batch.
     *
     * @param arrivals the results that arrived, in order: one per statement that completed
     * @param error    why the batch stopped, or {@code null} when every statement completed
     */
    record Outcome(List<Arrival> arrivals, @Nullable Throwable error) {
    }

    /**
     * Hands the batch to the driver, which writes it to the connection at once.
     *
     * @param connection the run's work connection
     * @param batch      the batch
     * @return the sent batch, or empty when the driver refused the text before sending anything
     *     (its client-side parser disagrees with the server's grammar); the caller then runs the
     *     batch as it would any other, which names the statement refused
     */
    static Optional<SentBatch> send(Connection connection, StatementBatch batch) {
        long sentAt = System.nanoTime();
        List<Arrival> arrivals = new ArrayList<>();
        AtomicBoolean refused = new AtomicBoolean();
        Mono<Outcome> outcome = Connections.rowsPerStatement(connection, batch.sql(), batch.parts().size())
                .doOnNext(rows -> arrivals.add(new Arrival(rows, System.nanoTime())))
                .then(Mono.fromSupplier(() -> new Outcome(arrivals, null)))
                .onErrorResume(error -> {
                    refused.set(arrivals.isEmpty() && ErrorTranslation.isDriverRejection(error));
                    return Mono.just(new Outcome(arrivals, error));
                })
                .cache();
        // The driver refuses a text while the statement is created, so within this call; a reply
        // from the server cannot arrive that soon, so an error seen now was never sent.
        outcome.subscribe();
        return refused.get() ? Optional.empty() : Optional.of(new SentBatch(batch, sentAt, outcome));
    }

    /** @return completes once everything sent for this batch has come back; never fails */
    Mono<Void> settled() {
        return outcome.then();
    }
}
