package dev.retort.internal.inspect;

import dev.retort.HistoryEntry;
import dev.retort.LintReport;
import dev.retort.LintScope;
import dev.retort.MigrationPlan;
import dev.retort.Operation;
import dev.retort.Status;
import dev.retort.ValidationReport;
import dev.retort.error.ErrorCode;
import dev.retort.error.MigrationFileException;
import dev.retort.error.RetortException;
import dev.retort.internal.EngineSettings;
import dev.retort.internal.graph.Planner;
import dev.retort.internal.graph.Step;
import dev.retort.internal.graph.Revision;
import dev.retort.internal.history.DatabaseState;
import dev.retort.internal.history.StateReader;
import dev.retort.internal.lint.Linter;
import dev.retort.internal.plan.Plans;
import dev.retort.internal.plan.StepPreparation;
import dev.retort.internal.source.Catalog;
import dev.retort.internal.source.FilesAndDatabase;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The read-only side: current heads, history, plans and validation. Nothing here takes the lock
 * or creates tables; a database Retort never touched reads as empty.
 */
public final class Inspector {

    private final EngineSettings settings;
    private final StateReader reader;

    /** @param settings the run settings */
    public Inspector(EngineSettings settings) {
        this.settings = settings;
        this.reader = new StateReader(settings.sql());
    }

    /**
     * @return the migration files' graph and summaries, read and validated on a bounded-elastic
     *     worker; a file unchanged since the manifest was written is not read
     */
    public Mono<Catalog> catalog() {
        return Catalog.load(settings.source(), settings.manifests());
    }

    /** @return the version table's rows */
    public Mono<Set<String>> current() {
        return state().map(DatabaseState::heads);
    }

    /**
     * @param scope   the pending revisions (reads the version table) or all of them (files only)
     * @param ignored rules switched off for this run
     * @return the findings
     */
    public Mono<LintReport> lint(LintScope scope, Set<String> ignored) {
        // The files are listed once: the pending revisions come from the same catalog.
        Mono<Tuple2<Catalog, List<String>>> catalogAndRevisions = scope == LintScope.ALL
                ? catalog().map(c -> Tuples.of(c, c.graph().revisions().stream().map(Revision::id).toList()))
                : FilesAndDatabase.read(catalog(), state())
                        .map(read -> Tuples.of(read.getT1(), status(read.getT1(), read.getT2()).pending()));
        return catalogAndRevisions.flatMap(read -> {
            List<String> ids = read.getT2();
            List<String> heads = read.getT1().graph().heads();
            List<String> both = new ArrayList<>(ids);
            both.addAll(heads);
            return read.getT1().reading(both).flatMap(c -> Linter.lint(ids.stream().map(c::script).toList(),
                    heads.stream().map(c::script).toList(), settings.run().settings(), ignored,
                    scope == LintScope.PENDING).map(findings -> new LintReport(ids, findings)));
        }).onErrorMap(IllegalArgumentException.class,
                e -> new RetortException(ErrorCode.INVALID_CONFIGURATION, e.getMessage(), e));
    }

    /** @return whether Retort's tables exist in the database */
    public Mono<Boolean> versioned() {
        return state().map(DatabaseState::tablesExist);
    }

    /** @return the database against the files: current, heads, pending, unknown rows and dirty state */
    public Mono<Status> status() {
        return FilesAndDatabase.read(catalog(), state()).map(read -> status(read.getT1(), read.getT2()));
    }

    private static Status status(Catalog catalog, DatabaseState state) {
        List<String> unknown = Validation.unknown(catalog, state.heads());
        List<String> pending = unknown.isEmpty() ? Validation.pending(catalog, state.heads()) : List.of();
        Optional<Status.Dirty> dirty = state.dirtyMark().map(mark -> new Status.Dirty(mark.revision(),
                Operation.valueOf(mark.operation().toUpperCase(Locale.ROOT))));
        return new Status(state.heads().stream().sorted().toList(), catalog.graph().heads().stream().sorted().toList(),
                pending, unknown, dirty);
    }

    private Mono<DatabaseState> state() {
        return settings.connections().with(connection -> reader.read(connection).flux()).single();
    }

    /** @return every history row, oldest first */
    public Flux<HistoryEntry> history() {
        return settings.connections().with(reader::history);
    }

    /**
     * @param operation what to plan
     * @param target    the target expression, syntax already checked
     * @return the plan from the database's current heads
     */
    public Mono<MigrationPlan> plan(Operation operation, String target) {
        return FilesAndDatabase.read(Catalog.load(settings.source()), current())
                .map(t -> plan(t.getT1(), operation, target, t.getT2()));
    }

    /**
     * Plans from given heads without connecting, for offline scripts.
     *
     * @param operation what to plan
     * @param target    the target expression, syntax already checked
     * @param heads     the version rows to start from
     * @return the plan
     */
    public Mono<MigrationPlan> planFrom(Operation operation, String target, Set<String> heads) {
        return Catalog.load(settings.source()).map(catalog -> plan(catalog, operation, target, heads));
    }

    private static MigrationPlan plan(Catalog catalog, Operation operation, String target, Set<String> heads) {
        if (operation == Operation.STAMP) {
            return new MigrationPlan(operation, target, heads, List.of(),
                    Planner.stampRows(catalog.graph(), heads, target));
        }
        return Plans.toPublic(operation, Plans.plan(operation, catalog.graph(), heads, target), catalog);
    }

    /** @return what differs between the database and the files */
    public Mono<ValidationReport> validate() {
        Mono<Tuple2<DatabaseState, List<HistoryEntry>>> database = settings.connections()
                .with(connection -> reader.read(connection).zipWith(reader.history(connection).collectList()).flux())
                .single();
        return FilesAndDatabase.read(catalog(), database).flatMap(read -> {
            ValidationReport report = Validation.report(read.getT1(), read.getT2().getT1(), read.getT2().getT2());
            return report.pending().isEmpty() ? Mono.just(report)
                    : refusedFiles(read.getT1(), read.getT2().getT1().heads()).map(report::withProblems);
        });
    }

    /**
     * Checks every pending revision's statements as an upgrade would before running anything
     * ({@link StepPreparation}), each on its own, so that every refused file is reported, not the first.
     */
    private static Mono<List<ValidationReport.Problem>> refusedFiles(Catalog catalog, Set<String> heads) {
        List<Step> steps = Planner.upgrade(catalog.graph(), heads, "heads").steps();
        // A pending file unchanged since the manifest was written has not been read yet.
        return catalog.reading(steps.stream().map(Step::revision).toList()).flatMap(read -> Flux.fromIterable(steps)
                .concatMap(step -> StepPreparation.prepare(List.of(step), read)
                        .then(Mono.<ValidationReport.Problem>empty())
                        .onErrorResume(MigrationFileException.class, e -> Mono.just(new ValidationReport.Problem(
                                ValidationReport.Kind.INVALID_FILE, step.revision(), e.getMessage()
                                        + "; 'retort upgrade' would refuse it before running anything"))))
                .collectList());
    }
}
