package dev.retort.cli.command;

import dev.retort.LintReport;
import dev.retort.LintScope;
import dev.retort.cli.Session;
import dev.retort.cli.output.LintView;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
}
