package dev.retort.micronaut;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.retort.HistoryEntry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/**
 * One row of a datasource's history table in the {@code /retort} endpoint's report.
 *
 * @param id         the row's sequence number
 * @param revision   the revision concerned
 * @param operation  {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param message    the revision's message at that time
 * @param checksum   the file's checksum at that time ({@code sha256:...}), or {@code null}
 * @param appliedAt  when it was recorded
 * @param durationMs how long it took, or {@code null} when unknown (offline scripts)
 * @param appliedBy  the database role that ran it
 * @param success    {@code false} for a non-transactional revision that failed midway
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record HistoryRow(long id, String revision, String operation, String message, @Nullable String checksum,
        OffsetDateTime appliedAt, @Nullable Long durationMs, String appliedBy, boolean success) {

    static HistoryRow of(HistoryEntry entry) {
        return new HistoryRow(entry.id(), entry.revision(), entry.operation().label(), entry.message(),
                entry.checksum(), entry.appliedAt(), entry.durationMs(), entry.appliedBy(), entry.success());
    }
}
