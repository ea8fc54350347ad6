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
        return run(session, passes, false);
    }

    /**
     * @param session the session
     * @param passes  what the command requires of the report
     * @param drift   whether the database's schema must also be what its migrations make; checked
     *                only when the files and the database agree
     * @return 0 when it passes (with no drift, if asked), else 1
     */
    static int run(Session session, Predicate<ValidationReport> passes, boolean drift) {
        ValidationReport report = session.await(session.online().validate());
        ValidationView view = ValidationView.of(report);
        SchemaDiff difference = drift && report.isValid() ? session.await(session.online().drift()) : null;
        session.output().report(difference == null ? view
                : view.withDrift(DiffView.of(difference, "the migrations", "the database")));
        boolean noDrift = difference == null || difference.isEmpty();
        if (report.problems().stream().anyMatch(p -> p.kind() == ValidationReport.Kind.INVALID_FILE)) {
            // What upgrade refuses as invalid files (exit 2), validate reports as such.
            return ErrorCode.INVALID_MIGRATIONS.exitCode();
        }
        return passes.test(report) && noDrift ? 0 : ErrorCode.VALIDATION_FAILED.exitCode();
    }
}
