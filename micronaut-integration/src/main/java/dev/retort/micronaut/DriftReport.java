package dev.retort.micronaut;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.retort.schema.SchemaDiff;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Whether a datasource's schema drifted from what its migrations make, checked when
 * {@code /retort} is read: the migrations are replayed into a temporary shadow database on the
 * same server, which production roles are often not allowed to create; then {@code checked} is
 * false and {@code reason} says why.
 *
 * @param checked whether the comparison could be made
 * @param drifted whether the schema differs
 * @param changes what differs, one line each, e.g. {@code column candidates.nickname: in the
 *                database, not in the migrations}
 * @param reason  why it was not checked, else {@code null}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record DriftReport(boolean checked, boolean drifted, List<String> changes, @Nullable String reason) {

    /** Copies the list so the record stays immutable. */
    public DriftReport {
        changes = List.copyOf(changes);
    }

    static DriftReport of(SchemaDiff drift) {
        return new DriftReport(true, !drift.isEmpty(), drift.describe("the migrations", "the database"), null);
    }

    static DriftReport notChecked(Throwable error) {
        return new DriftReport(false, false, List.of(), DatasourceStatus.describe(error));
    }
}
