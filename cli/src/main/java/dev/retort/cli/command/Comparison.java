package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.ValidationReport;
import dev.retort.ValidationReport.Kind;
import dev.retort.ValidationReport.Problem;
import dev.retort.cli.Session;
import dev.retort.cli.output.DiffView;
import dev.retort.cli.output.FleetCheckView;
import dev.retort.cli.output.FleetCheckView.TenantCheck;
import dev.retort.cli.output.ValidationView;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
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
     *                unless the migrations at the database's revisions cannot be replayed
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

    /**
     * Each tenant compared with the files (and its own shadow, for drift); the worst exit code. A
     * tenant that cannot be compared (unreachable, say) is reported as such, and the others are
     * still compared.
     */
    private static int runFleet(Session session, Fleet fleet, Predicate<ValidationReport> passes, boolean drift) {
        FleetCheckView view = new FleetCheckView(session.await(Flux.fromIterable(fleet.tenants())
                .flatMapSequential(tenant -> compare(tenant.retort(), drift)
                        .map(checked -> new TenantCheck(tenant.name(), checked.view(), null, checked.exitCode(passes)))
                        .onErrorResume(RetortException.class, error -> Mono.just(new TenantCheck(tenant.name(), null,
                                error.getMessage(), error.code().exitCode()))), fleet.parallelism())
                .collectList()));
        session.output().report(view);
        return view.tenants().stream().mapToInt(TenantCheck::exitCode).max().orElse(0);
    }

    private static Mono<Checked> compare(Retort retort, boolean drift) {
        return retort.validate().flatMap(report -> {
            Optional<String> unreplayable = unreplayable(report);
            if (!drift || unreplayable.isPresent()) {
                return Mono.just(new Checked(report, null, drift ? unreplayable.get() : null));
            }
            return retort.drift().map(difference -> new Checked(report, difference, null));
        });
    }

    /**
     * Why the migrations at the database's revisions cannot be replayed into a shadow, if they
     * cannot: a revision no file defines, or a file the replay would refuse. An edited file or a
     * dirty database does not stop the replay, and drift then shows what the edit or the failed
     * revision left different.
     */
    private static Optional<String> unreplayable(ValidationReport report) {
        return report.problems().stream().map(Problem::kind)
                .filter(kind -> kind == Kind.UNKNOWN_REVISION || kind == Kind.INVALID_FILE)
                .findFirst()
                .map(kind -> kind == Kind.UNKNOWN_REVISION
                        ? "the database is at a revision no file defines"
                        : "a migration file is invalid");
    }

    /**
     * A comparison: the report and, when asked for, the drift, or why it could not be checked.
     */
    private record Checked(ValidationReport report, @Nullable SchemaDiff difference, @Nullable String driftNotChecked) {

        ValidationView view() {
            ValidationView view = ValidationView.of(report);
            if (driftNotChecked != null) {
                return view.withDriftNotChecked(driftNotChecked);
            }
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
