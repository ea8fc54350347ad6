package dev.retort.internal.execute;

import dev.retort.Operation;
import dev.retort.error.DirtyDatabaseException;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.event.LockAcquired;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RunCompleted;
import dev.retort.event.RunPlanned;
import dev.retort.event.RunStarted;
import dev.retort.internal.graph.Plan;
import dev.retort.internal.graph.Planner;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.graph.Step;
import dev.retort.internal.history.HistorySql;
import dev.retort.internal.lock.AdvisoryLock;
import dev.retort.internal.source.Catalog;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The runs that change the database: upgrade, downgrade and stamp. Each run reads and validates
 * the scripts while it reads the version table (an upgrade or downgrade only the files that changed
 * since the manifest was written, see {@link Catalog#load(dev.retort.spi.MigrationSource,
 * java.util.Optional)}, and later the files of the steps it runs); if an upgrade or downgrade has
 * nothing to do, it ends there. Otherwise it takes the lock, re-reads the version table under it,
 * plans, checks every step, and only then creates Retort's tables (if needed) and applies the
 * steps in order. The check starts before the lock is taken, on the plan read without it
 * ({@link EarlyCheck}).
 */
public final class Migrator {

    private final Settings settings;
    private final HistorySql sql;
    private final StateReader reader;
    private final StepRunner runner;
    private final StampSql stampSql;
    private final RunSession session;

    /** @param settings the run settings */
    public Migrator(Settings settings) {
        this.settings = settings;
        this.sql = settings.sql();
        this.reader = new StateReader(sql);
        this.runner = new StepRunner(new StepSql(sql));
        this.stampSql = new StampSql(sql);
        this.session = new RunSession(settings.connections(),
                new AdvisoryLock(settings.names().versionTable(), settings.lockTimeout()));
    }

    /**
     * @param operation upgrade or downgrade
     * @param target    the target expression, syntax already checked
     * @return the run's events; cold, one run per subscription
     */
    public Flux<MigrationEvent> migrate(Operation operation, String target) {
        return Flux.defer(() -> {
            long started = System.nanoTime();
            Mono<DatabaseState> state = settings.connections()
                    .with(connection -> reader.read(connection).flux())
                    .single();
            return FilesAndDatabase.read(Catalog.load(settings.source(), settings.manifests()), state)
                    .flatMapMany(read -> workIfAny(operation, target, read.getT1(), read.getT2(), started));
        });
    }

    private Flux<MigrationEvent> workIfAny(Operation operation, String target, Catalog catalog, DatabaseState state,
            long started) {
        List<Step> seen = stepsSeen(operation, target, catalog.graph(), state);
        return state.dirtyMark().isEmpty() && seen.isEmpty() ? upToDate(operation, target, state, started)
                : catalog.reading(revisions(seen)).flatMapMany(read -> work(operation, target, read, seen, started));
    }

    private Flux<MigrationEvent> work(Operation operation, String target, Catalog catalog, List<Step> seen,
            long started) {
        return Flux.using(() -> EarlyCheck.start(seen, catalog),
                check -> run(operation, target, catalog, started, (held, locked, outcome) ->
                        apply(operation, target, held, catalog, locked, outcome, check)),
                EarlyCheck::stop);
    }

    private static List<String> revisions(List<Step> steps) {
        return steps.stream().map(Step::revision).toList();
    }

    /**
     * The steps a read without the lock shows. None means nothing to do: the version table holds
     * only committed revisions, so a run in progress elsewhere shows steps, and the run takes the
     * lock and reads again. Every deploy with nothing pending stops there, without a second
     * connection or the lock. A dirty database is not planned for until it is read under the lock.
     */
    private static List<Step> stepsSeen(Operation operation, String target, RevisionGraph graph, DatabaseState state) {
        return state.dirtyMark().isPresent() ? List.of()
                : Plans.plan(operation, graph, state.heads(), target).steps();
    }

    private static Flux<MigrationEvent> upToDate(Operation operation, String target, DatabaseState state, long started) {
        return Flux.just(new RunStarted(operation, target), new RunPlanned(state.heads(), List.of()),
                new RunCompleted(state.heads(), 0, Duration.ofNanos(System.nanoTime() - started)));
    }

    /**
     * @param target the target expression, syntax already checked
     * @param purge  whether to replace whatever the version table holds, even unknown revisions
     * @return the run's events; cold, one run per subscription
     */
    public Flux<MigrationEvent> stamp(String target, boolean purge) {
        return Flux.defer(() -> {
            long started = System.nanoTime();
            return Catalog.load(settings.source()).flatMapMany(catalog -> run(Operation.STAMP, target, catalog, started,
                    (held, state, outcome) -> stamp(target, purge, held, catalog, state, outcome)));
        });
    }

    private Flux<MigrationEvent> apply(Operation operation, String target, RunSession.Session held, Catalog catalog,
            DatabaseState state, Outcome outcome, EarlyCheck check) {
        refuseIfDirty(state);
        Plan plan = Plans.plan(operation, catalog.graph(), state.heads(), target);
        // Another run may have moved the database since the read without the lock: other steps.
        return catalog.reading(revisions(plan.steps())).flatMap(read -> check.prepared(plan.steps(), read))
                .flatMapMany(steps -> Flux
                .<MigrationEvent>just(new RunPlanned(state.heads(), steps.stream().map(PreparedStep::revision).toList(),
                        schemaToCreate(state, !steps.isEmpty())))
                .concatWith(runner.runAll(steps, held, tableCreation(state)))
                .concatWith(outcome.record(plan.rowsAfter(), steps.size())));
    }

    private Flux<MigrationEvent> stamp(String target, boolean purge, RunSession.Session held, Catalog catalog,
            DatabaseState state, Outcome outcome) {
        Connection connection = held.work();
        Set<String> after = Planner.stampRows(catalog.graph(), purge ? Set.of() : state.heads(), target);
        List<String> statements = new ArrayList<>(tableCreation(state));
        statements.addAll(stampSql.statements(after, catalog));
        Flux<Long> rewrite = Flux.fromIterable(statements).concatMap(statement -> Connections.execute(connection, statement));
        return Flux.<MigrationEvent>just(new RunPlanned(state.heads(), List.copyOf(after), schemaToCreate(state, true)))
                .concatWith(Connections.inTransaction(connection, rewrite.then(held.lockHeld()).flux())
                        .onErrorMap(ErrorTranslation::isStatementFailure, this::cannotStamp)
                        .thenMany(outcome.record(after, after.size())));
    }

    private Flux<MigrationEvent> run(Operation operation, String target, Catalog catalog, long started,
            LockedWork work) {
        Outcome outcome = new Outcome();
        return Flux.<MigrationEvent>just(new RunStarted(operation, target))
                .concatWith(session.around(held -> Flux.<MigrationEvent>just(new LockAcquired(held.waited()))
                        .concatWith(reader.read(held.work()).flatMapMany(state -> work.run(held, state, outcome)))))
                .concatWith(Mono.fromSupplier(() -> outcome.completed(started)));
    }

    private static void refuseIfDirty(DatabaseState state) {
        state.dirtyMark().ifPresent(mark -> {
            throw new DirtyDatabaseException(mark.revision(), mark.operation());
        });
    }

    /**
     * @return the statements that create Retort's tables (and their schema) when they are missing;
     *     they run in the first revision's transaction, so a run that fails leaves nothing behind
     */
    private List<String> tableCreation(DatabaseState state) {
        return state.tablesExist() ? List.of() : sql.createTables(!state.schemaExists());
    }

    private Optional<String> schemaToCreate(DatabaseState state, boolean changes) {
        return changes && !state.schemaExists() ? Optional.of(settings.names().schema()) : Optional.empty();
    }

    private RetortException cannotStamp(Throwable error) {
        return new RetortException(ErrorCode.MIGRATION_FAILED, "Cannot stamp " + settings.names().versionTable() + ": "
                + ErrorTranslation.describe(error) + ". Grant the role INSERT and DELETE on Retort's tables (and CREATE"
                + " on the schema, if they do not exist yet), or configure a schema it may write to. Nothing was"
                + " changed.", error);
    }

    /** The work a run does once it holds the lock and knows the database's state. */
    @FunctionalInterface
    private interface LockedWork {
        Flux<MigrationEvent> run(RunSession.Session held, DatabaseState state, Outcome outcome);
    }

    /**
     * Where the work leaves its result, so that {@link RunCompleted} can be emitted after the lock
     * and connections are released. One per subscription.
     */
    private static final class Outcome {

        private Set<String> heads = Set.of();
        private int applied;

        <T> Mono<T> record(Set<String> heads, int applied) {
            return Mono.fromRunnable(() -> {
                this.heads = heads;
                this.applied = applied;
            });
        }

        RunCompleted completed(long started) {
            return new RunCompleted(heads, applied, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
