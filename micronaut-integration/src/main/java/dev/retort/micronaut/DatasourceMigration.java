package dev.retort.micronaut;

import dev.retort.Retort;
import dev.retort.RetortBuilder;
import dev.retort.Target;
import dev.retort.ValidationReport;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RunCompleted;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One datasource's {@link Retort}, its configured target and entity check, and how far this
 * application got.
 */
final class DatasourceMigration {

    private static final Logger LOG = LoggerFactory.getLogger(DatasourceMigration.class);

    private final String datasource;
    private final Retort retort;
    private final Target target;
    private final Optional<Target> baseline;
    private final boolean validateOnMigrate;
    private final LintMode lint;
    private final Duration lockTimeout;
    private final EntityCheckMode entityCheck;
    private final List<String> entityPackages;
    private final Optional<EntitySchemaCheck> entities;
    private final Optional<TenantFleet> fleet;
    private volatile DatasourceStatus status = DatasourceStatus.MIGRATING;

    private DatasourceMigration(RetortDatasourceConfiguration configuration, Retort retort,
            Optional<EntitySchemaCheck> entities, Optional<TenantFleet> fleet) {
        this.fleet = fleet;
        this.datasource = configuration.getName();
        this.retort = retort;
        this.target = Target.parse(configuration.getTarget());
        this.baseline = Optional.ofNullable(configuration.getBaseline()).map(Target::parse);
        this.validateOnMigrate = configuration.isValidateOnMigrate();
        this.lint = configuration.getLint();
        this.lockTimeout = configuration.getLockTimeout();
        this.entityCheck = configuration.getEntityCheck();
        this.entityPackages = configuration.getEntityPackages();
        this.entities = entities;
    }

    /**
     * @param configuration the datasource's configuration
     * @param factory       its connection factory
     * @param loader        the class loader that {@code classpath:} locations are read from
     * @param options       the datasource's options, for temporary shadow databases on its server
     * @param entities      the entity check, when Micronaut Data is present
     * @return the datasource's migration, not started
     * @throws dev.retort.error.RetortException when the configuration is invalid
     */
    static DatasourceMigration of(RetortDatasourceConfiguration configuration, ConnectionFactory factory,
            ClassLoader loader, Optional<ConnectionFactoryOptions> options, Optional<EntitySchemaCheck> entities) {
        RetortBuilder builder = builder(configuration, factory, loader);
        options.ifPresent(builder::shadowDatabasesLike);
        return new DatasourceMigration(configuration, builder.build(), entities,
                TenantFleet.of(configuration, factory, () -> builder(configuration, factory, loader)));
    }

    private static RetortBuilder builder(RetortDatasourceConfiguration configuration, ConnectionFactory factory,
            ClassLoader loader) {
        return Retort.builder(factory)
                .migrations(MigrationLocations.source(configuration.getLocations(), loader))
                .schema(configuration.getSchema())
                .tablePrefix(configuration.getTablePrefix())
                .lockTimeout(configuration.getLockTimeout())
                .connectRetry(configuration.getConnectRetry())
                .connectTimeout(configuration.getConnectTimeout())
                .sessionSettings(configuration.getSessionSettings())
                .lockRetries(configuration.getLockRetries());
    }

    /**
     * @return a cold run that upgrades the database to the target, then checks the entities
     *     against the schema (logging or failing, as configured), and records the outcome in
     *     {@link #status()}
     */
    Flux<MigrationEvent> upgrade() {
        return (validateOnMigrate ? refuseProblems() : Mono.<Void>empty())
                // Lint and the entity check look at one schema; a fleet's tenants are many.
                .then(fleet.isPresent() ? Mono.empty() : lintPending())
                .thenMany(Flux.defer(() -> fleet.map(tenants -> tenants.upgrade(target)).orElseGet(() ->
                        new LockWaitLog(datasource, lockTimeout).around(baseline().concatWith(retort.upgrade(target))))))
                .concatWith((fleet.isPresent() ? Mono.<Void>empty() : checkEntities()).then(Mono.empty()))
                .doOnComplete(() -> status = DatasourceStatus.MIGRATED)
                .doOnComplete(() -> {
                    if (!validateOnMigrate) {
                        warnOfProblems().subscribe(ok -> { }, e -> LOG.debug("Could not compare datasource '{}' with"
                                + " its files after migrating", datasource, e));
                    }
                })
                .doOnError(failure -> status = DatasourceStatus.failed(failure));
    }

    /** @return each tenant schema's outcome in this application's migration; empty without tenant schemas */
    List<TenantReport> tenants() {
        return fleet.map(TenantFleet::results).orElse(List.of());
    }

    /** {@code baseline}: a schema made before Retort is stamped once, and that is worth a line in the log. */
    private Flux<MigrationEvent> baseline() {
        return baseline.map(revision -> retort.baseline(revision).doOnNext(event -> {
            if (event instanceof RunCompleted completed && completed.applied() > 0) {
                LOG.info("Datasource '{}' had a schema but no Retort tables: stamped {} (baseline), then upgrading",
                        datasource, revision.expression());
            }
        })).orElse(Flux.empty());
    }

        /**
     * {@code lint}: the findings of the revisions about to be applied, logged; with {@code fail},
     * an error finding stops the migration before anything runs.
     */
    private Mono<Void> lintPending() {
        if (lint == LintMode.OFF) {
            return Mono.empty();
        }
        return retort.lint().flatMap(report -> {
            if (report.findings().isEmpty()) {
                return Mono.empty();
            }
            String lines = report.findings().stream().map(f -> f.file() + ":" + f.line() + "  " + f.rule() + "  "
                    + f.severity().label() + "  " + f.message()).collect(Collectors.joining("\n  "));
            if (lint == LintMode.FAIL && report.hasErrors()) {
                return Mono.error(new RetortException(ErrorCode.VALIDATION_FAILED, "Datasource '" + datasource
                        + "' was not migrated: lint found errors in the pending revisions (lint: fail):\n  " + lines));
            }
            LOG.warn("Lint findings in the revisions about to be applied to datasource '{}' (lint: {}):\n  {}",
                    datasource, lint.name().toLowerCase(Locale.ROOT), lines);
            return Mono.empty();
        });
    }

        /** {@code validate-on-migrate}: as Flyway does, nothing runs while an applied file was edited. */
    private Mono<Void> refuseProblems() {
        return retort.validate().flatMap(report -> report.problems().isEmpty() ? Mono.empty()
                : Mono.error(new RetortException(ErrorCode.VALIDATION_FAILED, "Datasource '" + datasource
                        + "' was not migrated (validate-on-migrate: true):\n  " + messages(report))));
    }

    /**
     * Without {@code validate-on-migrate}, an edited applied file is still worth a warning at
     * startup; it is looked for after the migration, in the background, so that start-up does not
     * wait for a second connection and the history's read.
     */
    private Mono<Void> warnOfProblems() {
        return retort.validate().doOnNext(report -> {
            if (!report.problems().isEmpty()) {
                LOG.warn("Datasource '{}' does not match its migration files; set validate-on-migrate: true to refuse"
                        + " to start in this case:\n  {}", datasource, messages(report));
            }
        }).then();
    }

    private static String messages(ValidationReport report) {
        return report.problems().stream().map(ValidationReport.Problem::message).collect(Collectors.joining("\n  "));
    }

    private Mono<Void> checkEntities() {
        if (entityCheck == EntityCheckMode.OFF) {
            return Mono.empty();
        }
        return entityMismatches().flatMap(mismatches -> {
            if (mismatches.isEmpty()) {
                return Mono.empty();
            }
            String lines = mismatches.stream().map(EntityMismatch::describe).collect(Collectors.joining("\n  "));
            if (entityCheck == EntityCheckMode.FAIL) {
                return Mono.error(new RetortException(ErrorCode.VALIDATION_FAILED, "The entities of datasource '"
                        + datasource + "' do not match its schema (entity-check: fail):\n  " + lines));
            }
            LOG.warn("The entities of datasource '{}' do not match its schema; a new revision with the fixes"
                    + " below would make them match (entity-check: warn):\n  {}", datasource, lines);
            return Mono.empty();
        });
    }

    /**
     * @return the entities' mismatches with the database's schema, read now; empty without
     *     Micronaut Data or without entities
     */
    Mono<List<EntityMismatch>> entityMismatches() {
        return entities.filter(check -> check.hasEntities(entityPackages))
                .map(check -> retort.schema().map(schema -> check.compare(schema, entityPackages)))
                .orElse(Mono.just(List.of()));
    }

    /** @return the entity check for {@code /retort}, read now, or why there is none */
    Mono<EntityReport> entityReport() {
        if (entityCheck == EntityCheckMode.OFF) {
            return Mono.just(EntityReport.notChecked("entity-check is off"));
        }
        if (entities.isEmpty()) {
            return Mono.just(EntityReport.notChecked("Micronaut Data is not on the class path"));
        }
        return entityMismatches().map(EntityReport::of)
                .onErrorResume(e -> Mono.just(EntityReport.notChecked(DatasourceStatus.describe(e))));
    }

    String datasource() {
        return datasource;
    }

    Retort retort() {
        return retort;
    }

    DatasourceStatus status() {
        return status;
    }
}
