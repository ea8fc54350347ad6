package dev.retort.micronaut;

import dev.retort.Retort;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The /retort management endpoint: per datasource, this application's migration status, the
 * database's current heads, the revisions still pending, integrity problems and the most recent
 * history rows. Each request reads the migration files and the database afresh, without blocking.
 * Sensitive by default, like most endpoints: set endpoints.retort.sensitive to false to expose it
 * without authentication. (Plain text: this Javadoc is the IDE's configuration metadata.)
 */
@Endpoint(id = RetortEndpoint.NAME)
public final class RetortEndpoint {

    /** The endpoint's id and path. */
    public static final String NAME = "retort";
    /** How many history rows each datasource reports, newest first. */
    public static final int HISTORY_ROWS = 20;

    private final DatasourceMigrations migrations;

    RetortEndpoint(DatasourceMigrations migrations) {
        this.migrations = migrations;
    }

    /**
     * @return one report per migrated datasource, sorted by name
     */
    @Read
    public Mono<RetortReport> report() {
        return Flux.fromIterable(migrations.all())
                .sort(Comparator.comparing(DatasourceMigration::datasource))
                .concatMap(RetortEndpoint::report)
                .collectList()
                .map(RetortReport::new);
    }

    private static Mono<DatasourceReport> report(DatasourceMigration migration) {
        Retort retort = migration.retort();
        Mono<DriftReport> drift = retort.drift().map(DriftReport::of)
                .onErrorResume(e -> Mono.just(DriftReport.notChecked(e)));
        return Mono.zip(retort.validate(), retort.status(), recentHistory(retort), drift, migration.entityReport())
                .map(all -> DatasourceReport.of(migration.datasource(), migration.status(), all.getT1(),
                        all.getT2(), all.getT3(), all.getT4(), all.getT5(), migration.tenants()))
                // One unreadable database must not hide the others' reports.
                .onErrorResume(e -> Mono.just(DatasourceReport.unavailable(migration.datasource(), migration.status(),
                        migration.tenants(), e)));
    }

    private static Mono<List<HistoryRow>> recentHistory(Retort retort) {
        return retort.history().takeLast(HISTORY_ROWS).map(HistoryRow::of).collectList()
                .doOnNext(Collections::reverse);
    }
}
