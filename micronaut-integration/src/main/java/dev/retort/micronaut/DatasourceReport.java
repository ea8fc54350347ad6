package dev.retort.micronaut;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.retort.Status;
import dev.retort.ValidationReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One datasource in the {@code /retort} endpoint's report.
 *
 * @param datasource the datasource's name, as under {@code r2dbc.datasources}
 * @param status     this application's migration of it
 * @param heads      the database's current heads (its version table), sorted
 * @param fileHeads  the migration files' heads, sorted
 * @param pending    revisions an upgrade to {@code heads} would apply, in order
 * @param needsUpgrade whether there are any
 * @param problems   integrity problems (edited files, unknown or dirty revisions), one sentence each
 * @param history    the most recent history rows, newest first
 * @param drift      whether the schema drifted from what the migrations make
 * @param entities   whether the application's Micronaut Data entities match the schema
 * @param tenants    for a datasource of tenant schemas, each one's outcome; else empty
 * @param error      why the database or the files could not be read, else {@code null}; the lists
 *                   are then empty
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record DatasourceReport(String datasource, DatasourceStatus status, List<String> heads, List<String> fileHeads,
        List<String> pending, boolean needsUpgrade, List<String> problems, List<HistoryRow> history, DriftReport drift, EntityReport entities, List<TenantReport> tenants,
        @Nullable String error) {

    /** Copies the lists so the record stays immutable. */
    public DatasourceReport {
        heads = List.copyOf(heads);
        fileHeads = List.copyOf(fileHeads);
        pending = List.copyOf(pending);
        problems = List.copyOf(problems);
        history = List.copyOf(history);
        tenants = List.copyOf(tenants);
    }

    static DatasourceReport of(String datasource, DatasourceStatus status, ValidationReport validation,
            Status standing, List<HistoryRow> history, DriftReport drift, EntityReport entities,
            List<TenantReport> tenants) {
        List<String> problems = validation.problems().stream().map(ValidationReport.Problem::message).toList();
        return new DatasourceReport(datasource, status, validation.currentHeads().stream().sorted().toList(),
                standing.heads(), validation.pending(), !validation.pending().isEmpty(), problems, history, drift,
                entities, tenants, null);
    }

    static DatasourceReport unavailable(String datasource, DatasourceStatus status, List<TenantReport> tenants,
            Throwable error) {
        return new DatasourceReport(datasource, status, List.of(), List.of(), List.of(), false, List.of(), List.of(),
                DriftReport.notChecked(error), EntityReport.notChecked(DatasourceStatus.describe(error)), tenants,
                DatasourceStatus.describe(error));
    }
}
