package dev.retort.cli.output;

/**
 * The result of a command, printed by {@link Output}: as text for people, or, with
 * {@code --json}, as one JSON document made by Jackson from the implementing record's components.
 * Implementations are records of plain values (strings, numbers, lists), never engine or driver
 * types, so the JSON stays a stable contract.
 */
public interface Report {

    /** @param text where to write the human form */
    void printTo(Text text);
}
