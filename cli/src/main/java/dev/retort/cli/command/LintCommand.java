package dev.retort.cli.command;

import dev.retort.LintReport;
import dev.retort.LintScope;
import dev.retort.cli.Session;
import dev.retort.cli.output.FleetLintView;
import dev.retort.cli.output.FleetLintView.TenantLint;
import dev.retort.cli.output.LintView;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.fleet.Fleet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code retort lint}: what the migrations would lock or break on a live database. By default
 * the revisions a deploy is about to run; every revision with {@code --all}, or when no database
 * answers (so it works offline, in a pull request's CI).
 */
@Command(name = "lint", description = "Check migrations for what locks or breaks a live database: the pending"
        + " revisions (every revision with --all, or when no database answers). Exit 1 on an error finding.")
public final class LintCommand extends SessionCommand {

    @Option(names = "--all", description = "Every revision, without reading the database.")
    private boolean all;

    @Option(names = "--lint-ignore", paramLabel = "RULE", split = ",",
            description = "A rule to skip in this run; repeatable or comma separated.")
    private List<String> ignored = new ArrayList<>();

    @Override
    int run(Session session) {
        Set<String> rules = Set.copyOf(ignored);
        Optional<Fleet> fleet = all ? Optional.empty() : session.fleet();
        if (fleet.isPresent()) {
            return fleetLint(session, fleet.get(), rules);
        }
        LintReport report;
        LintScope scope = all ? LintScope.ALL : LintScope.PENDING;
        if (all) {
            report = session.await(session.offline().lint(LintScope.ALL, rules));
        } else {
            try {
                report = session.await(session.online().lint(LintScope.PENDING, rules));
            } catch (RetortException e) {
                if (e.code() != ErrorCode.CONNECTION_FAILED) {
                    throw e;
                }
                session.output().note("No database answered (" + e.getMessage().lines().findFirst().orElse("")
                        + "): linting every revision.");
                scope = LintScope.ALL;
                report = session.await(session.offline().lint(LintScope.ALL, rules));
            }
        }
        session.output().report(LintView.of(report, scope.name().toLowerCase(Locale.ROOT)));
        return report.hasErrors() ? 1 : 0;
    }

    /** Each tenant's pending revisions, linted: tenants of a fleet may stand at different revisions. */
    private static int fleetLint(Session session, Fleet fleet, Set<String> rules) {
        FleetLintView view = new FleetLintView(session.await(Flux.fromIterable(fleet.tenants())
                .flatMapSequential(tenant -> tenant.retort().lint(LintScope.PENDING, rules)
                        .map(report -> new TenantLint(tenant.name(), LintView.of(report, "pending"))), fleet.parallelism())
                .collectList()));
        session.output().report(view);
        return view.hasErrors() ? 1 : 0;
    }
}
