package dev.retort.internal.execute;

import dev.retort.Operation;
import dev.retort.error.DirtyDatabaseException;
import dev.retort.error.RetortException;
import dev.retort.error.RetortTablesException;
import dev.retort.event.LockAcquired;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RunCompleted;
import dev.retort.event.RunPlanned;
import dev.retort.event.RunStarted;
import dev.retort.internal.EngineSettings;
import dev.retort.internal.graph.Plan;
import dev.retort.internal.graph.Planner;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.graph.Step;
import dev.retort.internal.history.DatabaseState;
import dev.retort.internal.history.HistorySql;
import dev.retort.internal.history.StampSql;
import dev.retort.internal.history.StateReader;
import dev.retort.internal.history.StepSql;
import dev.retort.internal.lock.AdvisoryLock;
import dev.retort.internal.plan.EarlyCheck;
import dev.retort.internal.plan.Plans;
import dev.retort.internal.plan.PreparedStep;
import dev.retort.internal.r2dbc.Connections;
import dev.retort.internal.r2dbc.ErrorTranslation;
import dev.retort.internal.source.Catalog;
import dev.retort.internal.source.FilesAndDatabase;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

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

    private final EngineSettings settings;
    private final HistorySql sql;
    private final StateReader reader;
    private final StepRunner runner;
    private final StampSql stampSql;
    private final RunSession session;

    /** @param settings the run settings */
    public Migrator(EngineSettings settings) {
        this.settings = settings;
        this.sql = settings.sql();
        this.reader = new StateReader(sql);
        this.runner = new StepRunner(new StepSql(sql), settings.run());
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
        return migrate(operation, target, (graph, heads) -> Plans.plan(operation, graph, heads, target));
    }

    /**
     * Reverts one revision that is a head, leaving other branches alone: for {@code roundtrip}.
     *
     * @param revision an applied revision no other applied revision builds on
     * @return the run's events; cold, one run per subscription
     */
    public Flux<MigrationEvent> revertHead(String revision) {
        return migrate(Operation.DOWNGRADE, revision, (graph, heads) -> Planner.revertHead(graph, heads, revision));
    }

    private Flux<MigrationEvent> migrate(Operation operation, String target, Planning planning) {
        return Flux.defer(() -> {
            Run run = Run.starting(operation, target);
            return readFilesAndState().flatMapMany(read -> endHereOrWork(run, planning, read.getT1(), read.getT2()));
        });
    }

    /**
     * @param target the target expression, syntax already checked
     * @param purge  whether to replace whatever the version table holds, even unknown revisions
     * @return the run's events; cold, one run per subscription
     */
    public Flux<MigrationEvent> stamp(String target, boolean purge) {
        return Flux.defer(() -> {
            Run run = Run.starting(Operation.STAMP, target);
            return Catalog.load(settings.source()).flatMapMany(catalog -> underTheLock(run,
                    (held, state) -> stamp(run, purge, held, catalog, state)));
        });
    }

    /**
     * Stamps the target only if Retort's tables do not exist yet, decided under the lock: of several
     * instances adopting one database at once, the first stamps and the others find the tables.
     *
     * @param target the revision the unversioned database's schema corresponds to
     * @return the run's events; a run that plans nothing when the tables exist
     */
    public Flux<MigrationEvent> baseline(String target) {
        return Flux.defer(() -> {
            Run run = Run.starting(Operation.STAMP, target);
            return Catalog.load(settings.source()).flatMapMany(catalog -> underTheLock(run,
                    (held, state) -> state.tablesExist()
                            ? Flux.<Emitted>just(new Event(new RunPlanned(state.heads(), List.of())), new Result(state.heads(), 0))
                            : stamp(run, false, held, catalog, state)));
        });
    }

    /** Reads the files while the version table is read on a connection of its own. */
    private Mono<Tuple2<Catalog, DatabaseState>> readFilesAndState() {
        Mono<DatabaseState> state = settings.connections().with(connection -> reader.read(connection).flux()).single();
        return FilesAndDatabase.read(Catalog.load(settings.source(), settings.manifests()), state);
    }

    /**
     * Plans without the lock. Nothing to do ends the run there: the version table holds only
     * committed revisions, so a run in progress elsewhere shows steps, and the run takes the lock
     * and reads again. Every deploy with nothing pending stops here, without a second connection
     * or the lock. A dirty database is not planned for until it is read under the lock.
     */
    private Flux<MigrationEvent> endHereOrWork(Run run, Planning planning, Catalog catalog, DatabaseState state) {
        List<Step> seen = state.dirtyMark().isPresent() ? List.of() : planning.plan(catalog.graph(), state.heads())
                .steps();
        if (state.dirtyMark().isEmpty() && seen.isEmpty()) {
            return Flux.just(run.startedEvent(), new RunPlanned(state.heads(), List.of()),
                    run.completed(new Result(state.heads(), 0)));
        }
        return catalog.reading(revisions(seen)).flatMapMany(read -> Flux.using(() -> EarlyCheck.start(seen, read),
                check -> underTheLock(run, (held, locked) -> replanAndApply(planning, held, read, locked, check)),
                EarlyCheck::stop));
    }

    /**
     * Opens the session, takes the lock, re-reads the state under it and does the work; the
     * {@link RunCompleted} follows once the lock and connections are released.
     */
    private Flux<MigrationEvent> underTheLock(Run run, LockedWork work) {
        Flux<Emitted> emitted = session.around(held -> Flux.<Emitted>just(new Event(new LockAcquired(held.waited())))
                .concatWith(reader.read(held.work()).flatMapMany(state -> work.run(held, state))));
        // One pass, not publish() into two branches: a failure would reach both, and the second
        // would be logged by Reactor as dropped.
        return Flux.<MigrationEvent>just(run.startedEvent()).concatWith(Flux.defer(() -> {
            AtomicReference<Result> result = new AtomicReference<>();
            return emitted.<MigrationEvent>handle((next, sink) -> {
                if (next instanceof Event event) {
                    sink.next(event.event());
                } else {
                    result.set((Result) next);
                }
            }).concatWith(Mono.fromSupplier(() -> run.completed(result.get())));
        }));
    }

    /** Another run may have moved the database since the read without the lock: plan again. */
    private Flux<Emitted> replanAndApply(Planning planning, RunSession.Session held, Catalog catalog,
            DatabaseState state, EarlyCheck check) {
        refuseIfDirty(state);
        Plan plan = planning.plan(catalog.graph(), state.heads());
        return catalog.reading(revisions(plan.steps())).flatMap(read -> check.prepared(plan.steps(), read))
                .flatMapMany(steps -> apply(held, state, plan, steps));
    }

    private Flux<Emitted> apply(RunSession.Session held, DatabaseState state, Plan plan, List<PreparedStep> steps) {
        List<String> revisions = steps.stream().map(PreparedStep::revision).toList();
        return Flux.<MigrationEvent>just(new RunPlanned(state.heads(), revisions, schemaToCreate(state, !steps.isEmpty())))
                .concatWith(SettingsCheck.check(held.work(), settings.run().settings(), steps).thenMany(
                        runner.runAll(steps, held, tableCreation(state))))
                .<Emitted>map(Event::new)
                .concatWith(Mono.just(new Result(plan.rowsAfter(), steps.size())));
    }

    private Flux<Emitted> stamp(Run run, boolean purge, RunSession.Session held, Catalog catalog,
            DatabaseState state) {
        Connection connection = held.work();
        Set<String> after = Planner.stampRows(catalog.graph(), purge ? Set.of() : state.heads(), run.target());
        List<String> statements = new ArrayList<>(tableCreation(state));
        statements.addAll(stampSql.statements(after, catalog));
        Flux<Long> rewrite = Flux.fromIterable(statements).concatMap(statement -> Connections.execute(connection, statement));
        return Flux.<Emitted>just(new Event(new RunPlanned(state.heads(), List.copyOf(after),
                        schemaToCreate(state, true))))
                .concatWith(Connections.inTransaction(connection, rewrite.then(held.lockHeld()).flux())
                        .onErrorMap(ErrorTranslation::isStatementFailure, this::cannotStamp)
                        .thenMany(Mono.just(new Result(after, after.size()))));
    }

    private static List<String> revisions(List<Step> steps) {
        return steps.stream().map(Step::revision).toList();
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
        return new RetortTablesException("Cannot stamp " + settings.names().versionTable() + ": "
                + ErrorTranslation.describe(error) + ". Grant the role INSERT and DELETE on Retort's tables (and CREATE"
                + " on the schema, if they do not exist yet), or configure a schema it may write to. Nothing was"
                + " changed.", error);
    }

    /**
     * One run: what it does, to where, and when it started.
     *
     * @param operation upgrade, downgrade or stamp
     * @param target    the target expression
     * @param started   {@link System#nanoTime()} at subscription
     */
    private record Run(Operation operation, String target, long started) {

        static Run starting(Operation operation, String target) {
            return new Run(operation, target, System.nanoTime());
        }

        RunStarted startedEvent() {
            return new RunStarted(operation, target);
        }

        RunCompleted completed(Result result) {
            return new RunCompleted(result.heads(), result.applied(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** What the work under the lock emits: its events, then its result. */
    private sealed interface Emitted permits Event, Result {
    }

    /** @param event an event of the run, passed on as it comes */
    private record Event(MigrationEvent event) implements Emitted {
    }

    /**
     * @param heads   the version table's rows after the work
     * @param applied how many steps it applied or rows it stamped
     */
    private record Result(Set<String> heads, int applied) implements Emitted {
    }

    /** How an upgrade or downgrade plans from the graph and the version rows, without and again under the lock. */
    @FunctionalInterface
    private interface Planning {
        Plan plan(RevisionGraph graph, Set<String> heads);
    }

    /** The work a run does once it holds the lock and knows the database's state. */
    @FunctionalInterface
    private interface LockedWork {
        Flux<Emitted> run(RunSession.Session held, DatabaseState state);
    }
}
