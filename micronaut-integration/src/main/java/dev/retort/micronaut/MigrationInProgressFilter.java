package dev.retort.micronaut;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.web.router.RouteAttributes;

/**
 * Answers 503 to every request but those for management endpoints (health, {@code /retort}...)
 * until each datasource is migrated, which only matters in {@code async} mode: in
 * {@code startup} mode the server binds after the migrations. While migrations run the response
 * carries {@code Retry-After}; after a failure it does not, since waiting will not help.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
final class MigrationInProgressFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private final DatasourceMigrations migrations;

    MigrationInProgressFilter(DatasourceMigrations migrations) {
        this.migrations = migrations;
    }

    /**
     * @param request the request, already matched to its route
     * @return a 503 response, or {@code null} to let the request through
     */
    @RequestFilter
    @Nullable
    HttpResponse<?> rejectUntilMigrated(HttpRequest<?> request) {
        if (migrations.allMigrated() || isManagementEndpoint(request)) {
            return null;
        }
        if (migrations.anyFailed()) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE, "Database migration failed");
        }
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE, "Database migration in progress")
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    private static boolean isManagementEndpoint(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .map(route -> route.getAnnotationMetadata().hasStereotype(Endpoint.class))
                .orElse(false);
    }
}
