package dev.retort.cli.command;

import dev.retort.ValidationReport;
import dev.retort.cli.Session;
import dev.retort.cli.output.DiffView;
import dev.retort.cli.output.ValidationView;
import dev.retort.error.ErrorCode;
import dev.retort.schema.SchemaDiff;

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

    /**
     * Like {@link #run}, and when the files and the database agree, also whether the database's
     * schema drifted from what its migrations make.
     *
     * @param session the session
     * @param passes  what the command requires of the report
     * @return 0 when it passes with no drift, else 1
     */
    static int runWithDrift(Session session, Predicate<ValidationReport> passes) {
        ValidationReport report = session.await(session.online().validate());
        if (!report.isValid()) {
            session.output().report(ValidationView.of(report));
            return ErrorCode.VALIDATION_FAILED.exitCode();
        }
        SchemaDiff drift = session.await(session.online().drift());
        session.output().report(ValidationView.of(report).withDrift(DiffView.of(drift, "the migrations",
                "the database")));
        return passes.test(report) && drift.isEmpty() ? 0 : ErrorCode.VALIDATION_FAILED.exitCode();
    }
}
