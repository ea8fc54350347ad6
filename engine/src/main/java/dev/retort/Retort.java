package dev.retort;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.event.MigrationEvent;
import dev.retort.internal.EngineSettings;
import dev.retort.internal.catalog.Schemas;
import dev.retort.internal.catalog.ShadowDatabases;
import dev.retort.internal.execute.Migrator;
import dev.retort.internal.inspect.Inspector;
import dev.retort.internal.inspect.ScriptWriter;
import dev.retort.internal.lock.AdvisoryLock;
import dev.retort.schema.RoundtripResult;
import dev.retort.schema.SchemaDiff;
import dev.retort.schema.SchemaScript;
import dev.retort.schema.SchemaSnapshot;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Retort's entry point: migrates one database from one migration source.
 *
 * <p>Every method returns a cold publisher: nothing is read or connected until it is
 * subscribed, and each subscription is one independent run. Runs that change the database
 * ({@link #upgrade}, {@link #downgrade}, {@link #stamp}) first read and validate every migration
 * file, then take the migration lock, re-read the version table under it, and check every
 * statement they will run before running the first. Cancelling a run rolls back the revision in
 * progress and releases the lock; revisions already committed stay applied.
 *
 * <pre>{@code
 * Retort retort = Retort.builder(connectionFactory)
 *         .migrations(MigrationSources.directory(Path.of("migrations")))
 *         .build();
 * retort.upgrade(Target.HEADS).subscribe(event -> log.info("{}", event));
 * }</pre>
 */
public final class Retort {

    private final Migrator migrator;
    private final Inspector inspector;
    private final ScriptWriter scriptWriter;
    private final long lockKey;
    private final Schemas schemas;

    Retort(EngineSettings settings) {
        this.lockKey = AdvisoryLock.keyOf(settings.names().versionTable());
        this.migrator = new Migrator(settings);
        this.schemas = new Schemas(settings);
        this.inspector = new Inspector(settings);
        this.scriptWriter = new ScriptWriter(settings);
    }

    /**
     * @param connectionFactory the R2DBC connection factory of the database to migrate; a run
     *                          uses two connections at once (one holds the lock)
     * @return a builder
     */
    public static RetortBuilder builder(ConnectionFactory connectionFactory) {
        return new RetortBuilder(connectionFactory);
    }

    /**
     * The key of the session-level advisory lock that runs take, derived from the version table's
     * qualified name: to find a run in {@code pg_locks} ({@code locktype = 'advisory'}, the key's
     * high 32 bits in {@code classid}, its low 32 bits in {@code objid}), or to hold runs off.
     *
     * @return the lock key
     */
    public long lockKey() {
        return lockKey;
    }

    /**
     * Applies the upgrade sections of the revisions between the current heads and the target,
     * each revision in its own transaction with its version-table change and history row.
     *
     * @param target where to go, typically {@link Target#HEADS}
     * @return the run's events; completes after {@code RunCompleted}, or fails with a
     *     {@link dev.retort.error.RetortException}
     */
    public Flux<MigrationEvent> upgrade(Target target) {
        return migrator.migrate(Operation.UPGRADE, target.expression());
    }

    /**
     * Applies the downgrade sections of the revisions above the target, newest first.
     *
     * @param target where to go: {@code -1}, a revision, {@code base}...
     * @return the run's events, as for {@link #upgrade}
     */
    public Flux<MigrationEvent> downgrade(Target target) {
        return migrator.migrate(Operation.DOWNGRADE, target.expression());
    }

    /**
     * Sets the version table to the target without running any migration, for a database whose
     * schema is already there (or to clear a dirty mark after a manual repair).
     *
     * @param target the revision(s) the database is really at
     * @return the run's events
     */
    public Flux<MigrationEvent> stamp(Target target) {
        return stamp(target, false);
    }

    /**
     * Like {@link #stamp(Target)}; with {@code purge}, whatever the version table holds (even
     * revisions no file defines) is replaced.
     *
     * @param target the revision(s) the database is really at
     * @param purge  whether to empty the version table first
     * @return the run's events
     */
    public Flux<MigrationEvent> stamp(Target target, boolean purge) {
        return migrator.stamp(target.expression(), purge);
    }

    /**
     * Adopts a database whose schema was made before Retort, as Flyway's {@code baselineOnMigrate}
     * does: when Retort's tables do not exist and the schema holds objects, stamps the revision the
     * schema corresponds to; otherwise does nothing (an empty schema is then migrated from base as
     * usual, a versioned one from where it is). Whether the tables exist is decided again under the
     * lock, so of several instances starting together one stamps. Follow it with {@link #upgrade}.
     *
     * @param revision the revision the existing schema corresponds to
     * @return the stamp's events, or none when there is nothing to adopt
     */
    public Flux<MigrationEvent> baseline(Target revision) {
        return inspector.versioned().flatMapMany(versioned -> versioned ? Flux.empty()
                : schema().flatMapMany(snapshot -> snapshot.objects().isEmpty() ? Flux.empty()
                        : migrator.baseline(revision.expression())));
    }

    /**
     * Checks the revisions a deploy is about to run for what locks or breaks a live database: an
     * index built without {@code CONCURRENTLY} on an existing table, a default that rewrites it, a
     * constraint validated under its lock, a revision without a {@code lock_timeout} ... (the rules
     * are in the README). Reads the version table for what is pending; the files otherwise.
     *
     * @return the pending revisions' findings
     */
    public Mono<LintReport> lint() {
        return lint(LintScope.PENDING, Set.of());
    }

    /**
     * @param scope        the pending revisions, or all of them (without a database)
     * @param ignoredRules rule ids switched off for this run, besides each file's {@code -- lint-ignore:}
     * @return the findings
     * @throws RetortException (as {@code onError}) {@link ErrorCode#INVALID_CONFIGURATION} for an
     *                         unknown rule, or an invalid file
     */
    public Mono<LintReport> lint(LintScope scope, Set<String> ignoredRules) {
        return inspector.lint(scope, ignoredRules);
    }

    /**
     * @return the version table's rows: the current heads (empty for a new database)
     */
    public Mono<Set<String>> current() {
        return inspector.current();
    }

    /**
     * Where the database stands against the files, in one read: the version table's rows, the
     * files' heads, what an upgrade would apply, rows no file defines, and whether a
     * non-transactional revision left the database dirty. Reads only; takes no lock.
     *
     * @return the status
     */
    public Mono<Status> status() {
        return inspector.status();
    }

    /**
     * @return every row of the history table, oldest first, read in one query
     */
    public Flux<HistoryEntry> history() {
        return inspector.history();
    }

    /**
     * Computes what an upgrade to the target would do, from the database's current heads. Reads
     * only; takes no lock.
     *
     * @param target where to go
     * @return the plan
     */
    public Mono<MigrationPlan> plan(Target target) {
        return plan(Operation.UPGRADE, target);
    }

    /**
     * Computes what a run would do, from the database's current heads. Reads only.
     *
     * @param operation upgrade, downgrade or stamp
     * @param target    where to go
     * @return the plan
     */
    public Mono<MigrationPlan> plan(Operation operation, Target target) {
        return inspector.plan(operation, target.expression());
    }

    /**
     * Computes what a run would do from the given heads, without connecting to the database:
     * for offline scripts ({@code retort upgrade 001:head --sql}).
     *
     * @param operation upgrade, downgrade or stamp
     * @param target    where to go
     * @param heads     the version rows to start from (empty for base)
     * @return the plan
     */
    public Mono<MigrationPlan> plan(Operation operation, Target target, Set<String> heads) {
        return inspector.planFrom(operation, target.expression(), heads);
    }

    /**
     * Renders a plan as the SQL a run would execute, transaction boundaries and version-table
     * statements included, for {@code psql -v ON_ERROR_STOP=1 -f}. Connects to nothing.
     *
     * @param plan a plan from {@link #plan}
     * @return the script in chunks, each ending with a newline
     */
    public Flux<String> script(MigrationPlan plan) {
        return scriptWriter.script(plan);
    }

    /**
     * Reads and validates the migration files without connecting to the database.
     *
     * @return the revision graph; fails with a {@link dev.retort.error.RetortException} for
     *     invalid files
     */
    public Mono<Revisions> revisions() {
        return inspector.catalog().map(Revisions::new);
    }

    /**
     * Compares the database with the files: edited files (checksum drift), revisions in the
     * version table that no file defines, a dirty database, and pending revisions.
     *
     * @return the report
     */
    public Mono<ValidationReport> validate() {
        return inspector.validate();
    }

    /**
     * Reads the database's schema (the configured schema; Retort's tables, extension objects and
     * system schemas left out) in one round trip. Reads only.
     *
     * @return the snapshot
     */
    public Mono<SchemaSnapshot> schema() {
        return schemas.ofDatabase();
    }

    /**
     * Learns the schema the migrations make by replaying them, from base to the target, into a
     * shadow database ({@link RetortBuilder#shadowDatabases}), dropped afterwards. The database under
     * migration is not written.
     *
     * @param target where to replay to, e.g. {@link Target#HEADS}
     * @return the snapshot of the shadow
     */
    public Mono<SchemaSnapshot> schemaOf(Target target) {
        return schemas.atTarget(target.expression());
    }

    /**
     * Like {@link #schemaOf(Target)}, up to the revisions the database's version table holds.
     *
     * @return the snapshot of the migrations as far as the database is
     */
    public Mono<SchemaSnapshot> schemaOfCurrent() {
        return schemas.atCurrent();
    }

    /**
     * Learns the schema a SQL script makes (a {@code pg_dump --schema-only} output, a schema kept
     * by hand) by running it in an empty shadow database, dropped afterwards.
     *
     * @param script the script
     * @param origin where it comes from, for messages
     * @return the snapshot of the shadow; fails with a {@link dev.retort.error.MigrationFileException}
     *     naming {@code origin} and the line when a statement fails
     */
    public Mono<SchemaSnapshot> schemaOfScript(String script, String origin) {
        return schemas.ofScript(script, origin);
    }

    /**
     * Writes a revision from a schema difference, as Alembic's autogenerate does: its upgrade turns
     * the schema the migrations make up to the revision it revises (replayed in a shadow database)
     * into {@code target}, and its downgrade turns it back ({@link SchemaScript#between}). Writes
     * nothing but shadow databases.
     *
     * @param revision the new revision's header: id, the one revision it revises (none for a new
     *                 base), message, labels
     * @param target   the schema to arrive at, e.g. {@link #schema()} of a development database
     *                 changed by hand
     * @return the revision with both sections, whose {@link NewRevisionFile#text()} is the file;
     *     empty when the schemas do not differ. Fails with an
     *     {@link dev.retort.error.UnsupportedSchemaChangeException} when a difference cannot be
     *     written as DDL.
     */
    public Mono<NewRevisionFile> autogenerate(NewRevisionFile revision, Mono<SchemaSnapshot> target) {
        return Mono.defer(() -> Mono.zip(schemaOf(startingPoint(revision.revises())), target))
                .flatMap(schemas -> {
                    SchemaScript upgrade = SchemaScript.between(schemas.getT1(), schemas.getT2());
                    return upgrade.isEmpty() ? Mono.empty()
                            : Mono.just(revision.withSections(upgrade, SchemaScript.between(schemas.getT2(), schemas.getT1())));
                });
    }

    private static Target startingPoint(List<String> revises) {
        if (revises.size() > 1) {
            throw new RetortException(ErrorCode.INVALID_TARGET, "A revision written from a schema difference revises"
                    + " one revision, not " + String.join(", ", revises) + ": merge them first ('retort merge').");
        }
        return revises.isEmpty() ? Target.BASE : Target.parse(revises.get(0));
    }

    /**
     * What was changed in the database by hand: the difference from the schema its migrations make
     * (replayed to its current revisions in a shadow database) to its own schema.
     *
     * @return the drift; empty when the database is as its migrations made it
     */
    public Mono<SchemaDiff> drift() {
        return schemas.drift();
    }

    /**
     * Tests every downgrade on a shadow database: for each revision from base to the heads, in
     * order, applies it, reverts it, and compares the schema with the one before it was applied.
     * Stops after the first revision whose downgrade does not restore the schema (or that has
     * none). The database under migration is not written.
     *
     * @return one result per revision checked, in order
     */
    public Flux<RoundtripResult> roundtrip() {
        return schemas.roundtrip();
    }

    /**
     * Like {@link #roundtrip()} for the revisions of a history range only ({@code start:end},
     * either side optional, as {@link Revisions#range} reads it); those before it are applied and
     * not checked.
     *
     * @param range the range
     * @return one result per revision checked, in order
     */
    public Flux<RoundtripResult> roundtrip(String range) {
        return schemas.roundtrip(Optional.of(range));
    }

    /**
     * @return completes once every temporary shadow database this process created has been
     *     dropped: for an application or a command-line tool that exits while a run is cancelled
     */
    public static Mono<Void> shadowsDropped() {
        return ShadowDatabases.allDropped();
    }
}
