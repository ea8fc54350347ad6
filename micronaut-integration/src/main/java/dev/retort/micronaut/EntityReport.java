package dev.retort.micronaut;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Whether a datasource's schema matches the application's Micronaut Data entities, checked when
 * {@code /retort} is read.
 *
 * @param checked    whether the comparison was made (not when {@code entity-check} is off, when
 *                   Micronaut Data is absent, or when the schema could not be read)
 * @param mismatches what disagrees, with the DDL that would fix it
 * @param reason     why it was not checked, else {@code null}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record EntityReport(boolean checked, List<EntityMismatch> mismatches, @Nullable String reason) {

    /** Copies the list so the record stays immutable. */
    public EntityReport {
        mismatches = List.copyOf(mismatches);
    }

    static EntityReport of(List<EntityMismatch> mismatches) {
        return new EntityReport(true, mismatches, null);
    }

    static EntityReport notChecked(String reason) {
        return new EntityReport(false, List.of(), reason);
    }
}
