package dev.retort.internal.history;

import dev.retort.Operation;
import org.jspecify.annotations.Nullable;

/**
 * A history row about to be written.
 *
 * @param revision   the revision
 * @param operation  what was done
 * @param checksum   the file's checksum, or {@code null}
 * @param message    the revision's message
 * @param durationMs how long it took, or {@code null} in offline scripts
 * @param success    whether it completed
 */
public record HistoryInsert(String revision, Operation operation, @Nullable String checksum, String message,
        @Nullable Long durationMs,
        boolean success) {
}
