package dev.retort.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A failure as {@code --json} reports it on standard output, besides the message on standard
 * error: {@code {"error": {...}}}. The message is scrubbed of passwords before it is printed; the
 * database's description is built without one and so needs no scrubbing (scrubbing it would mask
 * a user named like the password).
 *
 * @param code       the engine's error code, e.g. {@code MIGRATION_FAILED}, or {@code USAGE}
 * @param exitCode   the process exit code
 * @param message    the complete message
 * @param revision   the revision concerned, when there is one
 * @param file       the file, when there is one
 * @param line       the 1-based line in that file, when known
 * @param sqlState   the server's SQLSTATE, when it gave one
 * @param candidates revisions the user may have meant, when a target was ambiguous
 * @param database   the database it happened on, without its password, when reaching it failed
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorView(String code, int exitCode, String message, String revision, String file, Integer line,
        String sqlState, List<String> candidates, String database) {

    /**
     * @param code     the error code
     * @param exitCode the exit code
     * @param message  the message
     * @return a view with no further facts
     */
    public static ErrorView of(String code, int exitCode, String message) {
        return new ErrorView(code, exitCode, message, null, null, null, null, List.of(), null);
    }

    /**
     * @param revision the revision concerned, or {@code null}
     * @param file     the file, or {@code null}
     * @param line     the line, or {@code null}
     * @param sqlState the SQLSTATE, or {@code null}
     * @return this view with where the failure happened
     */
    public ErrorView at(String revision, String file, Integer line, String sqlState) {
        return new ErrorView(code, exitCode, message, revision, file, line, sqlState, candidates, database);
    }

    /**
     * @param database where the command connects, built without the password
     * @return this view naming it
     */
    public ErrorView on(String database) {
        return new ErrorView(code, exitCode, message, revision, file, line, sqlState, candidates, database);
    }

    /**
     * @param candidates revisions the user may have meant
     * @return this view with them
     */
    public ErrorView withCandidates(List<String> candidates) {
        return new ErrorView(code, exitCode, message, revision, file, line, sqlState, List.copyOf(candidates),
                database);
    }

    /**
     * @param scrubbedMessage the message with passwords removed
     * @return this view with that message
     */
    public ErrorView withMessage(String scrubbedMessage) {
        return new ErrorView(code, exitCode, scrubbedMessage, revision, file, line, sqlState, candidates, database);
    }
}
