package dev.retort.internal.catalog;

import dev.retort.Operation;
import dev.retort.error.ErrorCode;
import dev.retort.error.MigrationFileException;
import dev.retort.error.RetortException;
import dev.retort.internal.EngineSettings;
import dev.retort.internal.execute.Migrator;
import dev.retort.internal.graph.Planner;
import dev.retort.internal.graph.Step;
import dev.retort.internal.inspect.Inspector;
import dev.retort.internal.r2dbc.Connections;
import dev.retort.internal.r2dbc.ErrorTranslation;
import dev.retort.internal.source.Catalog;
import dev.retort.internal.sql.SqlStatement;
import dev.retort.internal.sql.StatementSplitter;
import dev.retort.schema.RoundtripResult.Outcome;
import dev.retort.schema.RoundtripResult;
import dev.retort.schema.SchemaDiff;
import dev.retort.schema.SchemaSnapshot;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The schemas Retort compares: the database's own, and the one the migrations make, learnt by
 * replaying them into a shadow database with the normal pipeline. Reads the database under
 * migration only; writes only to shadows.
 */
public final class Schemas {

    private final EngineSettings settings;
    private final CatalogReader reader;

    /** @param settings the engine's settings */
    public Schemas(EngineSettings settings) {
        this.settings = settings;
        this.reader = new CatalogReader(List.of(settings.names().schema()), settings.names());
    }

    /** @return the database's schema */
    public Mono<SchemaSnapshot> ofDatabase() {
        return snapshot(settings);
    }

    /**
     * @param target a target expression, syntax already checked
     * @return the schema the migrations make from base to the target
     */
    public Mono<SchemaSnapshot> atTarget(String target) {
        return replayed(migrator -> migrator.migrate(Operation.UPGRADE, target));
    }

    /** @return the schema the migrations make up to the database's current revisions */
    public Mono<SchemaSnapshot> atCurrent() {
        return current().flatMap(rows -> replayed(migrator -> Flux.fromIterable(rows)
                .concatMap(row -> migrator.migrate(Operation.UPGRADE, row))));
    }

    /**
     * @param script a SQL script, as psql would run it (statements split as in migration files)
     * @param origin where it comes from, for messages, e.g. {@code schema.sql}
     * @return the schema the script makes in an empty shadow database
     */
    public Mono<SchemaSnapshot> ofScript(String script, String origin) {
        return Mono.fromCallable(() -> StatementSplitter.split(script, origin, 1))
                .flatMap(statements -> onShadow(shadow -> shadow.connections().with(connection -> Flux
                                .fromIterable(statements)
                                .concatMap(statement -> Connections.execute(connection, statement.sql())
                                        .onErrorMap(ErrorTranslation::isStatementFailure,
                                                error -> failed(origin, statement, error)))
                                .thenMany(reader.read(connection))))
                        .single());
    }

    /** A script that does not run is bad input, as a migration file that does not parse is. */
    private static MigrationFileException failed(String origin, SqlStatement statement, Throwable error) {
        return new MigrationFileException(origin, statement.line(), "the script failed in the shadow database: "
                + ErrorTranslation.describe(error) + "; fix the script (the database under migration was not touched)");
    }

    /** @return what was changed in the database by hand: from the migrations at its revisions to it */
    public Mono<SchemaDiff> drift() {
        return Mono.zip(atCurrent(), ofDatabase(), SchemaDiff::between);
    }

    /**
     * @return for each revision from base to the heads, in order, whether its downgrade restores
     *     the schema it was applied to; on one shadow database
     */
    public Flux<RoundtripResult> roundtrip() {
        return roundtrip(Optional.empty());
    }

    /**
     * @param range a history range ({@code start:end}); the revisions before it are applied, not checked
     * @return for each revision in the range, in order, whether its downgrade restores the schema
     */
    public Flux<RoundtripResult> roundtrip(Optional<String> range) {
        return Catalog.load(settings.source()).flatMapMany(catalog -> onShadow(shadow -> {
            List<String> order = Planner.upgrade(catalog.graph(), Set.of(), "heads").steps().stream()
                    .map(Step::revision).toList();
            Set<String> checked = range.map(r -> Set.copyOf(Planner.range(catalog.graph(), Set.of(), r)))
                    .orElse(Set.copyOf(order));
            Migrator migrator = new Migrator(shadow);
            return Flux.fromIterable(order).concatMap(revision -> checked.contains(revision)
                            ? roundtrip(revision, migrator, shadow)
                            : migrator.migrate(Operation.UPGRADE, revision).then(Mono.<RoundtripResult>empty()))
                    .takeUntil(result -> !result.isRestored());
        }));
    }

    /**
     * Applies the revision, reverts it, compares, and applies it again for the next one; a
     * revision whose downgrade does not restore the schema ends the roundtrip there, since what
     * follows would be built on a schema the migrations never make.
     */
    private Mono<RoundtripResult> roundtrip(String revision, Migrator migrator, EngineSettings shadow) {
        Mono<Void> apply = migrator.migrate(Operation.UPGRADE, revision).then();
        return snapshot(shadow).flatMap(before -> apply
                .then(migrator.revertHead(revision).then(snapshot(shadow)))
                .map(after -> result(revision, SchemaDiff.between(before, after)))
                .onErrorResume(MigrationFileException.class, error -> Mono.just(new RoundtripResult(revision,
                        Outcome.NO_DOWNGRADE, new SchemaDiff(List.of()), error.getMessage())))
                .flatMap(result -> result.isRestored() ? apply.thenReturn(result) : Mono.just(result)));
    }

    private static RoundtripResult result(String revision, SchemaDiff difference) {
        return new RoundtripResult(revision, difference.isEmpty() ? Outcome.RESTORED : Outcome.DIFFERS, difference, "");
    }

    private Mono<SchemaSnapshot> replayed(Function<Migrator, Flux<?>> replay) {
        return onShadow(shadow -> replay.apply(new Migrator(shadow)).thenMany(snapshot(shadow))).single();
    }

    private <T> Flux<T> onShadow(Function<EngineSettings, Flux<T>> work) {
        return Flux.defer(() -> {
            ShadowChoice choice = settings.shadow().orElseThrow(() -> new RetortException(
                    ErrorCode.INVALID_CONFIGURATION, "No shadow database is configured, so the schema the migrations"
                            + " make cannot be learnt: call RetortBuilder.shadowDatabases(...),"
                            + " shadowDatabasesLike(...) or shadowDatabase(...)."));
            if (choice instanceof ShadowChoice.Given given) {
                return new GivenShadow(settings.connections().to(given.database()), given.database())
                        .use(factory -> work.apply(settings.on(factory)));
            }
            return new ShadowDatabases(settings.connections(), ((ShadowChoice.Temporary) choice).connectTo())
                    .use(factory -> work.apply(settings.on(factory)));
        });
    }

    private Mono<SchemaSnapshot> snapshot(EngineSettings on) {
        return on.connections().with(connection -> reader.read(connection).flux()).single();
    }

    private Mono<Set<String>> current() {
        return new Inspector(settings).current();
    }
}
