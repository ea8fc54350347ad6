package dev.retort.error;

import java.util.List;

/**
 * Differences between two schemas that Retort cannot write as DDL, each with what to write by
 * hand instead. Nothing is written when this is thrown.
 */
public final class UnsupportedSchemaChangeException extends RetortException {

    private final List<String> changes;

    /** @param changes each difference, with what to write by hand */
    public UnsupportedSchemaChangeException(List<String> changes) {
        super(ErrorCode.VALIDATION_FAILED, "Retort cannot write DDL for " + (changes.size() == 1 ? "this difference"
                : "these " + changes.size() + " differences") + "; write the migration by hand:\n  "
                + String.join("\n  ", changes));
        this.changes = List.copyOf(changes);
    }

    /** @return each difference, with what to write by hand */
    public List<String> changes() {
        return changes;
    }
}
