package dev.retort.micronaut;

import dev.retort.RetortBuilder;
import dev.retort.Target;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.event.MigrationEvent;
import dev.retort.fleet.Fleet;
import dev.retort.fleet.Tenant;
import dev.retort.fleet.TenantResult;
import dev.retort.fleet.Tenants;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A datasource whose tenants are schemas ({@code schemas:} or {@code schema-pattern:}): each is
 * migrated as the CLI's {@code --schemas} does, {@code parallel} at a time, every tenant even when
 * one fails (so that one tenant's broken data leaves the others up to date); the datasource then
 * fails, naming the tenants that did.
 */
final class TenantFleet {

    private static final Logger LOG = LoggerFactory.getLogger(TenantFleet.class);

    private final String datasource;
    private final Mono<List<Tenant>> tenants;
    private final int parallel;
    private volatile List<TenantReport> results = List.of();

    private TenantFleet(String datasource, Mono<List<Tenant>> tenants, int parallel) {
        this.datasource = datasource;
        this.tenants = tenants;
        this.parallel = parallel;
    }

    /**
     * @param configuration the datasource's configuration
     * @param factory       its connection factory
     * @param builder       a builder with the datasource's configuration, one per tenant
     * @return the fleet, when the configuration names tenant schemas
     */
    static Optional<TenantFleet> of(RetortDatasourceConfiguration configuration, ConnectionFactory factory,
            Supplier<RetortBuilder> builder) {
        Mono<List<Tenant>> tenants;
        if (!configuration.getSchemas().isEmpty()) {
            tenants = Mono.fromSupplier(() -> configuration.getSchemas().stream()
                    .map(schema -> Tenants.schema(schema, builder.get())).toList());
        } else if (configuration.getSchemaPattern() != null) {
            tenants = Tenants.schemas(factory, configuration.getSchemaPattern(), f -> builder.get());
        } else {
            return Optional.empty();
        }
        return Optional.of(new TenantFleet(configuration.getName(), tenants, configuration.getParallel()));
    }

    /**
     * @param target where to take every tenant
     * @return completes once every tenant ran; fails naming the tenants that failed
     */
    Flux<MigrationEvent> upgrade(Target target) {
        return tenants.flatMapMany(list -> Fleet.of(list).parallel(parallel).keepGoing(true)
                        .run(retort -> retort.upgrade(target)))
                .doOnNext(this::log)
                .map(TenantReport::of)
                .collectSortedList(Comparator.comparing(TenantReport::tenant))
                .doOnNext(reports -> results = reports)
                .flatMapMany(reports -> {
                    List<TenantReport> failed = reports.stream().filter(r -> r.error() != null).toList();
                    return failed.isEmpty() ? Flux.empty() : Flux.error(new RetortException(ErrorCode.MIGRATION_FAILED,
                            "Datasource '" + datasource + "': " + failed.size() + " of " + reports.size()
                                    + " tenants failed:\n  " + failed.stream().map(r -> r.tenant() + ": " + r.error())
                                    .collect(Collectors.joining("\n  "))));
                });
    }

    /** @return each tenant's outcome in the last run, by name, for the endpoint */
    List<TenantReport> results() {
        return results;
    }

    private void log(TenantResult result) {
        if (result.outcome() == TenantResult.Outcome.FAILED) {
            LOG.warn("Datasource '{}', tenant {} failed: {}", datasource, result.tenant(),
                    result.error() == null ? "" : result.error().getMessage());
        } else {
            LOG.info("Datasource '{}', tenant {}: {} revision(s) applied in {} ms, at {}", datasource, result.tenant(),
                    result.applied(), result.duration().toMillis(), result.heads());
        }
    }
}
