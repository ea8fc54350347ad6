package dev.retort.test.kit;

import dev.retort.event.LockAcquired;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RevisionApplied;
import dev.retort.event.RevisionStarted;
import dev.retort.event.RunCompleted;
import dev.retort.event.RunPlanned;
import dev.retort.event.RunStarted;
import dev.retort.event.StatementExecuted;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Verifies a Retort run by its milestones with {@link StepVerifier}: the run started, planned the
 * revisions, started and applied each in order, and completed (or failed in one). The events whose
 * number varies from run to run — one {@link StatementExecuted} per statement, {@link LockAcquired}
 * (a run with nothing to do takes no lock) — are skipped, so a test states what matters:
 *
 * <pre>{@code
 * RunVerifier.of(retort.upgrade(Target.HEAD))
 *         .applies("000_initial_schema", "001_add_version_column")
 *         .completesAt("001_add_version_column");
 *
 * RunVerifier.of(retort.upgrade(Target.HEAD))
 *         .applies("000_initial_schema")
 *         .failsIn("001_broken", MigrationExecutionException.class);
 * }</pre>
 *
 * <p>Each {@code completes...} and {@code fails...} method subscribes to the run, waits for it
 * (at most {@link #within the given time}, two minutes by default) and throws an
 * {@link AssertionError} naming the first milestone that differs.
 */
public final class RunVerifier {

    private final Flux<MigrationEvent> milestones;
    private final List<String> revisions;
    private final Duration timeout;

    private RunVerifier(Flux<MigrationEvent> milestones, List<String> revisions, Duration timeout) {
        this.milestones = milestones;
        this.revisions = revisions;
        this.timeout = timeout;
    }

    /**
     * @param run a run's events: {@code retort.upgrade(...)}, {@code downgrade(...)}, {@code stamp(...)}
     * @return a verifier that expects nothing applied until {@link #applies} says otherwise
     */
    public static RunVerifier of(Publisher<MigrationEvent> run) {
        Flux<MigrationEvent> milestones = Flux.from(run)
                .filter(event -> !(event instanceof StatementExecuted) && !(event instanceof LockAcquired));
        return new RunVerifier(milestones, List.of(), Duration.ofMinutes(2));
    }

    /**
     * @param inOrder the revisions the run applies (or reverts, for a downgrade), in order
     * @return a verifier that expects them
     */
    public RunVerifier applies(String... inOrder) {
        return new RunVerifier(milestones, List.of(inOrder), timeout);
    }

    /**
     * @param limit how long the run may take
     * @return a verifier that waits at most that long
     */
    public RunVerifier within(Duration limit) {
        return new RunVerifier(milestones, revisions, limit);
    }

    /**
     * Verifies that the run planned exactly the revisions given to {@link #applies}, applied them in
     * order, and completed.
     *
     * @return how long the verification took
     */
    public Duration completes() {
        return complete(null);
    }

    /**
     * Like {@link #completes()}, and the version table's heads at the end are these.
     *
     * @param heads the revisions the database stands at after the run (none: base)
     * @return how long the verification took
     */
    public Duration completesAt(String... heads) {
        return complete(Set.of(heads));
    }

    /**
     * Verifies that the run applied the revisions given to {@link #applies}, then started this one
     * and failed with an error of this type.
     *
     * @param revision the revision that fails
     * @param error    the type of the run's error, e.g. {@code MigrationExecutionException.class}
     * @return how long the verification took
     */
    public Duration failsIn(String revision, Class<? extends Throwable> error) {
        return appliedRevisions(false)
                .assertNext(event -> expect(event, RevisionStarted.class, "the start of " + revision,
                        started -> started.revision().equals(revision)))
                .expectError(error)
                .verify(timeout);
    }

    /**
     * Verifies the milestones up to the last applied revision and hands over the rest, for what
     * these methods do not cover.
     *
     * @return the {@link StepVerifier} positioned after the last applied revision
     */
    public StepVerifier.Step<MigrationEvent> thenSteps() {
        return appliedRevisions(false);
    }

    private Duration complete(@Nullable Set<String> heads) {
        return appliedRevisions(true)
                .assertNext(event -> expect(event, RunCompleted.class, "the run completed after applying "
                        + revisions.size() + (heads == null ? "" : " at " + heads), completed ->
                        completed.applied() == revisions.size() && (heads == null || completed.heads().equals(heads))))
                .expectComplete()
                .verify(timeout);
    }

    private StepVerifier.Step<MigrationEvent> appliedRevisions(boolean planExactly) {
        StepVerifier.Step<MigrationEvent> step = StepVerifier.create(milestones)
                .assertNext(event -> expect(event, RunStarted.class, "the run started", started -> true))
                .assertNext(event -> expect(event, RunPlanned.class, "a plan " + (planExactly ? "of " : "starting with ")
                        + revisions, planned -> planExactly ? planned.revisions().equals(revisions)
                        : startsWith(planned.revisions(), revisions)));
        for (String revision : revisions) {
            step = step
                    .assertNext(event -> expect(event, RevisionStarted.class, "the start of " + revision,
                            started -> started.revision().equals(revision)))
                    .assertNext(event -> expect(event, RevisionApplied.class, revision + " applied",
                            applied -> applied.revision().equals(revision)));
        }
        return step;
    }

    private static boolean startsWith(List<String> list, List<String> prefix) {
        return list.size() >= prefix.size() && list.subList(0, prefix.size()).equals(prefix);
    }

    private static <E extends MigrationEvent> void expect(MigrationEvent event, Class<E> type, String expected,
            Predicate<E> matches) {
        if (!type.isInstance(event) || !matches.test(type.cast(event))) {
            throw new AssertionError("Expected " + expected + ", but the run emitted " + event);
        }
    }
}
