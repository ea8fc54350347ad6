package dev.retort.schema;

/**
 * What {@code roundtrip} found for one revision: applied to a shadow database, reverted, and the
 * schema compared with the one before it was applied.
 *
 * @param revision   the revision
 * @param outcome    whether its downgrade restored the schema
 * @param difference what its downgrade left behind ({@code ADDED}) or took too much
 *                   ({@code REMOVED}) or changed, from the schema before the upgrade to the one
 *                   after the downgrade; empty when restored
 * @param detail     for {@link Outcome#NO_DOWNGRADE}, why it could not be reverted; else empty
 */
public record RoundtripResult(String revision, Outcome outcome, SchemaDiff difference, String detail) {

    /** Whether a revision's downgrade undoes its upgrade. */
    public enum Outcome {
        /** The schema after the downgrade is the schema before the upgrade. */
        RESTORED,
        /** The downgrade left something behind, took too much, or changed something. */
        DIFFERS,
        /** The revision cannot be reverted: it has no downgrade section. */
        NO_DOWNGRADE
    }

    /** @return whether the downgrade restored the schema exactly */
    public boolean isRestored() {
        return outcome == Outcome.RESTORED;
    }
}
