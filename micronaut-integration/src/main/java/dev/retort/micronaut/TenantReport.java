package dev.retort.micronaut;

import dev.retort.fleet.TenantResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One tenant of a datasource in {@code /retort}.
 *
 * @param tenant  the tenant's schema
 * @param outcome {@code SUCCEEDED}, {@code FAILED} or {@code SKIPPED}
 * @param heads   where it stands after this application's migration
 * @param error   why it failed, else {@code null}
 */
@Serdeable
public record TenantReport(String tenant, String outcome, List<String> heads, @Nullable String error) {

    /** Copies the list so the record stays immutable. */
    public TenantReport {
        heads = List.copyOf(heads);
    }

    static TenantReport of(TenantResult result) {
        return new TenantReport(result.tenant(), result.outcome().name(), result.heads(),
                result.error() == null ? null : result.error().getMessage());
    }
}
