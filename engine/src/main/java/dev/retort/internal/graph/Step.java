package dev.retort.internal.graph;

import java.util.List;
import java.util.Objects;

/**
 * One migration of a {@link Plan} and the change it makes to the version table. The rows are the
 * difference between the table's heads before and after the step, so executing the step's SQL
 * and then deleting {@code deletedRows} and inserting {@code insertedRows} in the same transaction
 * keeps the table equal to the heads of the applied set.
 *
 * @param revision     the revision applied or reverted
 * @param direction    whether the revision is applied or reverted
 * @param deletedRows  version rows to delete, sorted
 * @param insertedRows version rows to insert, sorted
 */
public record Step(String revision, Direction direction, List<String> deletedRows, List<String> insertedRows) {

    /** Copies the row lists, sorted, so plans compare and print the same however they were built. */
    public Step {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(direction, "direction");
        deletedRows = deletedRows.stream().sorted().toList();
        insertedRows = insertedRows.stream().sorted().toList();
    }
}
