package dev.retort.micronaut;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Objects;

/**
 * This application's migration of one datasource, as the health indicator and the
 * {@code /retort} endpoint show it.
 *
 * @param state where the migration stands
 * @param error the failure's message when the migration failed, else {@code null}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record DatasourceStatus(MigrationState state, @Nullable String error) {

    static final DatasourceStatus MIGRATING = new DatasourceStatus(MigrationState.MIGRATING, null);
    static final DatasourceStatus MIGRATED = new DatasourceStatus(MigrationState.MIGRATED, null);

    static DatasourceStatus failed(Throwable failure) {
        return new DatasourceStatus(MigrationState.FAILED, describe(failure));
    }

    /** The engine's messages are complete sentences; another exception may have none. */
    static String describe(Throwable failure) {
        return Objects.requireNonNullElse(failure.getMessage(), failure.toString());
    }
}
