package dev.retort.cli.command;

import dev.retort.ValidationReport;
import dev.retort.cli.Session;
import dev.retort.cli.output.ValidationView;
import dev.retort.error.ErrorCode;

import java.util.function.Predicate;

/** What {@code check} and {@code validate} share: compare the database with the files, print, and decide. */
final class Comparison {

    private Comparison() {
    }

    /**
     * @param session the session
     * @param passes  what the command requires of the report
     * @return 0 when it passes, else the validation failure's exit code (1)
     */
    static int run(Session session, Predicate<ValidationReport> passes) {
        ValidationReport report = session.await(session.online().validate());
        session.output().report(ValidationView.of(report));
        return passes.test(report) ? 0 : ErrorCode.VALIDATION_FAILED.exitCode();
    }
}
