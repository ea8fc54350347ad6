package dev.retort.internal.plan;

import dev.retort.internal.graph.Step;
import dev.retort.internal.source.Catalog;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.List;

/**
 * The statement check of a run's steps ({@link StepPreparation}), started while the run opens its
 * connections and takes the lock, on the plan read without the lock. That plan is almost always
 * the plan under the lock, and its check (splitting and classifying every pending statement, a
 * noticeable part of a fresh JVM's run; see docs/performance.md) then overlaps the connecting
 * instead of following it.
 *
 * <p>The result is used only when the plan under the lock has the same steps; otherwise those steps
 * are checked anew. Either way a failure is reported where it always was: under the lock, before
 * anything changes. A result nobody uses, failures included, is dropped.
 */
public final class EarlyCheck {

    private final List<Step> steps;
    private final Mono<List<PreparedStep>> prepared;
    private final Disposable running;

    /** The result is kept in a sink, not a {@code cache()}, so that {@link #stop} cancels the check itself. */
    private EarlyCheck(List<Step> steps, Mono<List<PreparedStep>> check) {
        Sinks.One<List<PreparedStep>> result = Sinks.one();
        this.steps = steps;
        this.prepared = result.asMono();
        this.running = check.subscribe(result::tryEmitValue, result::tryEmitError);
    }

    /**
     * @param steps   the steps planned without the lock
     * @param catalog the scripts
     * @return the check, already running on a bounded-elastic worker
     */
    public static EarlyCheck start(List<Step> steps, Catalog catalog) {
        return new EarlyCheck(steps, StepPreparation.prepare(steps, catalog));
    }

    /**
     * @param planned the steps planned under the lock
     * @param catalog the scripts
     * @return them prepared and checked: the early result when they are the same steps
     */
    public Mono<List<PreparedStep>> prepared(List<Step> planned, Catalog catalog) {
        return planned.equals(steps) ? prepared : StepPreparation.prepare(planned, catalog);
    }

    /** Cancels the check if it is still running: the run ended, or failed, before needing it. */
    public void stop() {
        running.dispose();
    }
}
