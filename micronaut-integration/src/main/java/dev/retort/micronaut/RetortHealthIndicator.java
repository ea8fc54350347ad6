package dev.retort.micronaut;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code retort} health indicator, part of {@code /health} and {@code /health/readiness}: UP
 * when every datasource is migrated, DOWN while one is migrating and after one failed, with each
 * datasource's {@link DatasourceStatus} as details. Reads state only; never touches the database.
 */
@Singleton
final class RetortHealthIndicator implements HealthIndicator {

    static final String NAME = "retort";

    private final DatasourceMigrations migrations;

    RetortHealthIndicator(DatasourceMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, DatasourceStatus> details = new TreeMap<>();
        migrations.all().forEach(m -> details.put(m.datasource(), m.status()));
        HealthStatus status = migrations.allMigrated() ? HealthStatus.UP : HealthStatus.DOWN;
        return Mono.just(HealthResult.builder(NAME, status).details(details).build());
    }
}
