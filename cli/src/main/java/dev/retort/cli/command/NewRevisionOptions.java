package dev.retort.cli.command;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The options of the commands that write a new migration file: {@code revision} and {@code merge}. */
final class NewRevisionOptions {

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MESSAGE",
            description = "One-line description; also makes the id's slug.")
    private String message;

    @Option(names = "--rev-id", paramLabel = "ID",
            description = "The revision id, instead of a sequence number and the message's slug.")
    private String revisionId;

    @Option(names = "--branch-label", paramLabel = "LABEL", split = ",",
            description = "A label naming the branch that starts here (repeatable).")
    private List<String> branchLabels = new ArrayList<>();

    /** @return the message, on one line */
    String message() {
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** @return the id the user asked for, or {@code null} */
    String revisionId() {
        return revisionId;
    }

    /** @return the branch labels */
    List<String> branchLabels() {
        return List.copyOf(branchLabels);
    }
}
