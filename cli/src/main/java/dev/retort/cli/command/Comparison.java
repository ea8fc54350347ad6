package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.ValidationReport;
import dev.retort.cli.Session;
import dev.retort.cli.output.DiffView;
import dev.retort.cli.output.FleetCheckView;
import dev.retort.cli.output.FleetCheckView.TenantCheck;
import dev.retort.cli.output.ValidationView;
import dev.retort.error.ErrorCode;
import dev.retort.fleet.Fleet;
import dev.retort.schema.SchemaDiff;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Optional;
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
        Optional<Fleet> fleet = session.fleet();
        if (fleet.isPresent()) {
            return runFleet(session, fleet.get(), passes, drift);
        }
        Checked checked = session.await(compare(session.online(), drift));
        session.output().report(checked.view());
        return checked.exitCode(passes);
    }

    /** Each tenant compared with the files (and its own shadow, for drift); the worst exit code. */
    private static int runFleet(Session session, Fleet fleet, Predicate<ValidationReport> passes, boolean drift) {
        FleetCheckView view = new FleetCheckView(session.await(Flux.fromIterable(fleet.tenants())
                .flatMapSequential(tenant -> compare(tenant.retort(), drift).map(checked -> new TenantCheck(
                        tenant.name(), checked.view(), checked.exitCode(passes))), fleet.parallelism())
                .collectList()));
        session.output().report(view);
        return view.tenants().stream().mapToInt(TenantCheck::exitCode).max().orElse(0);
    }

    private static Mono<Checked> compare(Retort retort, boolean drift) {
        return retort.validate().flatMap(report -> drift && report.isValid()
                ? retort.drift().map(difference -> new Checked(report, difference))
                : Mono.just(new Checked(report, null)));
    }

    /** A comparison: the report and, when asked for and the files agree, the drift. */
    private record Checked(ValidationReport report, @Nullable SchemaDiff difference) {

        ValidationView view() {
            ValidationView view = ValidationView.of(report);
            return difference == null ? view : view.withDrift(DiffView.of(difference, "the migrations", "the database"));
        }

        int exitCode(Predicate<ValidationReport> passes) {
            if (report.problems().stream().anyMatch(p -> p.kind() == ValidationReport.Kind.INVALID_FILE)) {
                // What upgrade refuses as invalid files (exit 2), validate reports as such.
                return ErrorCode.INVALID_MIGRATIONS.exitCode();
            }
            boolean noDrift = difference == null || difference.isEmpty();
            return passes.test(report) && noDrift ? 0 : ErrorCode.VALIDATION_FAILED.exitCode();
        }
    }
}
