package dev.retort;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One row of the history table: something a run did to the database.
 *
 * @param id         the row's sequence number
 * @param revision   the revision concerned
 * @param operation  upgrade, downgrade or stamp
 * @param checksum   the file's checksum at that time ({@code sha256:...}), or {@code null}
 * @param message    the revision's message at that time
 * @param appliedAt  when it was recorded
 * @param durationMs how long it took, or {@code null} when unknown (offline scripts)
 * @param appliedBy  the database role that ran it
 * @param success    {@code false} for a non-transactional revision that failed midway
 */
public record HistoryEntry(long id, String revision, Operation operation, @Nullable String checksum, String message,
        OffsetDateTime appliedAt, @Nullable Long durationMs, String appliedBy, boolean success) {

    /** @return the checksum, when one was recorded */
    public Optional<String> checksumValue() {
        return Optional.ofNullable(checksum);
    }
}
