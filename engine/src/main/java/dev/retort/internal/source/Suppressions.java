package dev.retort.internal.source;

import java.util.Set;

/**
 * The lint rules a file's {@code -- lint-ignore: rule, rule} header switches off for it.
 *
 * @param rules the rules' ids
 * @param line  the header's line, or 0 without one
 */
public record Suppressions(Set<String> rules, int line) {

    /** No rule switched off. */
    public static final Suppressions NONE = new Suppressions(Set.of(), 0);

    /** Copies the set so the record stays immutable. */
    public Suppressions {
        rules = Set.copyOf(rules);
    }
}
