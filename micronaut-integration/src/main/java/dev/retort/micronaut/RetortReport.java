package dev.retort.micronaut;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What {@code GET /retort} returns.
 *
 * @param datasources one report per migrated datasource, sorted by name
 */
// Always every field, empty or null: clients can rely on the shape.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record RetortReport(List<DatasourceReport> datasources) {

    /** Copies the list so the record stays immutable. */
    public RetortReport {
        datasources = List.copyOf(datasources);
    }
}
