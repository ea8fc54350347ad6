package dev.retort.fleet;

import dev.retort.Retort;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RevisionApplied;
import dev.retort.event.RunCompleted;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Migrates many tenants at once with bounded concurrency: at most {@code parallel} tenants run at
 * a time, each with its own version table and advisory lock, so they never wait for each other.
 * The canaries run first, one at a time; if one fails, no other tenant starts. Without
 * keep-going, no tenant starts after the first failure (the running ones finish); with it, every
 * tenant runs. Cancelling the returned {@code Flux} cancels every running tenant, each rolling
 * back its revision in progress and releasing its lock.
 *
 * <pre>{@code
 * Flux<TenantResult> results = Fleet.of(tenants).parallel(4).canary(1)
 *         .run(retort -> retort.upgrade(Target.HEADS));   // cold: subscribe, or compose it
 * }</pre>
 */
public final class Fleet {

    /** Tenants migrated at once when not set otherwise. */
    public static final int DEFAULT_PARALLEL = 4;

    private final List<Tenant> tenants;
    private final int parallel;
    private final int canary;
    private final boolean keepGoing;
    private final Consumer<String> onStart;

    private Fleet(List<Tenant> tenants, int parallel, int canary, boolean keepGoing, Consumer<String> onStart) {
        this.tenants = List.copyOf(tenants);
        this.parallel = parallel;
        this.canary = canary;
        this.keepGoing = keepGoing;
        this.onStart = onStart;
    }

    /**
     * @param tenants the tenants, in the order to start them
     * @return a fleet of them, {@value #DEFAULT_PARALLEL} at a time, no canary, stopping at the first failure
     */
    public static Fleet of(List<Tenant> tenants) {
        return new Fleet(tenants, DEFAULT_PARALLEL, 0, false, tenant -> { });
    }

    /**
     * @param tenantsAtOnce how many tenants run at a time, 1 or more (each holds two connections)
     * @return a copy with that bound
     */
    public Fleet parallel(int tenantsAtOnce) {
        if (tenantsAtOnce < 1) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "--parallel must be 1 or more, not "
                    + tenantsAtOnce + ".");
        }
        return new Fleet(tenants, tenantsAtOnce, canary, keepGoing, onStart);
    }

    /**
     * @param first how many tenants run first, one at a time, before the others start
     * @return a copy with that many canaries
     */
    public Fleet canary(int first) {
        return new Fleet(tenants, parallel, Math.max(0, first), keepGoing, onStart);
    }

    /**
     * @param keepGoing whether every tenant runs even after one failed (canaries excepted)
     * @return a copy so configured
     */
    public Fleet keepGoing(boolean keepGoing) {
        return new Fleet(tenants, parallel, canary, keepGoing, onStart);
    }

    /**
     * @param listener told each tenant's name as its run starts (on the thread that starts it),
     *                 e.g. for a progress display; the results tell when each ends
     * @return a copy that tells it
     */
    public Fleet onStart(Consumer<String> listener) {
        return new Fleet(tenants, parallel, canary, keepGoing, listener);
    }

    /** @return the tenants */
    public List<Tenant> tenants() {
        return tenants;
    }

    /** @return how many tenants run at a time */
    public int parallelism() {
        return parallel;
    }

    /**
     * @param operation what to run on each tenant, e.g. {@code retort -> retort.upgrade(Target.HEADS)}
     * @return one result per tenant, as each ends; cold, one fleet run per subscription
     */
    public Flux<TenantResult> run(Function<Retort, Flux<MigrationEvent>> operation) {
        return Flux.defer(() -> {
            AtomicBoolean failed = new AtomicBoolean();
            int canaries = Math.min(canary, tenants.size());
            List<Tenant> others = tenants.subList(canaries, tenants.size());
            Flux<TenantResult> first = Flux.fromIterable(tenants.subList(0, canaries))
                    .concatMap(tenant -> failed.get() ? Mono.just(TenantResult.skipped(tenant.name()))
                            : one(tenant, operation, failed, onStart));
            Flux<TenantResult> rest = Flux.fromIterable(others)
                    .flatMap(tenant -> Mono.defer(() -> failed.get() && !keepGoing
                            ? Mono.just(TenantResult.skipped(tenant.name())) : one(tenant, operation, failed, onStart)),
                            parallel);
            // A failed canary stops the fleet, keep-going or not: that is what canaries are for.
            return first.concatWith(Flux.defer(() -> failed.get() && canaries > 0
                    ? Flux.fromIterable(others).map(tenant -> TenantResult.skipped(tenant.name())) : rest));
        });
    }

    private static Mono<TenantResult> one(Tenant tenant, Function<Retort, Flux<MigrationEvent>> operation,
            AtomicBoolean failed, Consumer<String> onStart) {
        return Mono.defer(() -> {
            onStart.accept(tenant.name());
            long started = System.nanoTime();
            Tally tally = new Tally();
            return operation.apply(tenant.retort())
                    .doOnNext(tally::count)
                    .then(Mono.fromSupplier(() -> new TenantResult(tenant.name(), TenantResult.Outcome.SUCCEEDED,
                            tally.applied, tally.heads, elapsed(started), null)))
                    .onErrorResume(error -> {
                        failed.set(true);
                        return Mono.just(new TenantResult(tenant.name(), TenantResult.Outcome.FAILED, tally.applied,
                                tally.heads, elapsed(started), asRetortException(error)));
                    });
        });
    }

    /** What one tenant's run did, from its events. */
    private static final class Tally {

        private int applied;
        private List<String> heads = List.of();

        void count(MigrationEvent event) {
            if (event instanceof RevisionApplied) {
                applied++;
            } else if (event instanceof RunCompleted completed) {
                heads = completed.heads().stream().sorted().toList();
            }
        }
    }

    private static RetortException asRetortException(Throwable error) {
        return error instanceof RetortException retort ? retort
                : new RetortException(ErrorCode.MIGRATION_FAILED, String.valueOf(error.getMessage()), error);
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
