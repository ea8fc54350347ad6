package dev.retort.internal.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * A history range {@code start:end} after {@link TargetParser#parseRange} has checked its syntax.
 * A missing side is open: no start means from the bases, no end means up to the heads.
 *
 * @param start the oldest revision to show, inclusive
 * @param end   the newest revision to show, inclusive
 */
public record TargetRange(Optional<ParsedTarget> start, Optional<ParsedTarget> end) {

    /** Rejects nulls; use {@link Optional#empty()} for an open side. */
    public TargetRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
