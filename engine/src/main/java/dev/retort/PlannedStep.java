package dev.retort;

import java.util.List;

/**
 * One revision a plan would apply, and the version-table change that goes with it.
 *
 * @param revision      the revision id
 * @param operation     upgrade or downgrade
 * @param message       the revision's message
 * @param file          the file holding it
 * @param transactional whether it runs in one transaction
 * @param deletedHeads  version rows this step removes
 * @param insertedHeads version rows this step adds
 */
public record PlannedStep(String revision, Operation operation, String message, String file, boolean transactional,
        List<String> deletedHeads, List<String> insertedHeads) {

    /** Copies the lists so the record stays immutable. */
    public PlannedStep {
        deletedHeads = List.copyOf(deletedHeads);
        insertedHeads = List.copyOf(insertedHeads);
    }
}
