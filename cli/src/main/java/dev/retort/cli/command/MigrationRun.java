package dev.retort.cli.command;

import dev.retort.MigrationPlan;
import dev.retort.Operation;
import dev.retort.PlannedStep;
import dev.retort.Retort;
import dev.retort.ScriptRange;
import dev.retort.Target;
import dev.retort.ValidationReport.Kind;
import dev.retort.ValidationReport.Problem;
import dev.retort.cli.Session;
import dev.retort.cli.output.FleetReport;
import dev.retort.cli.output.Output;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.error.TargetException;
import dev.retort.event.MigrationEvent;
import dev.retort.fleet.Fleet;
import dev.retort.fleet.TenantResult;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code upgrade}, {@code downgrade} and {@code stamp} have in common: run against the
 * database and print the events, or with {@code --sql} print the script instead. A script for a
 * {@code from:to} range is planned from the files alone and never connects.
 */
final class MigrationRun {

    private final Session session;
    private final Operation operation;

    MigrationRun(Session session, Operation operation) {
        this.session = session;
        this.operation = operation;
    }

    /**
     * @param argument the target, or with {@code sql} possibly a {@code from:to} range
     * @param sql      whether to print the script instead of running it
     * @param run      starts the run on the engine
     * @return the exit code
     */
    int execute(String argument, boolean sql, BiFunction<Retort, Target, Flux<MigrationEvent>> run) {
        session.warnAboutNestedScripts();
        ScriptRange range = ScriptRange.parse(argument);
        if (range.isRange() && !sql) {
            throw new TargetException(argument, "The range '" + argument + "' is for scripts: add --sql to print the"
                    + " SQL from " + range.from().get() + " to " + range.to() + " without connecting, or give only the"
                    + " target to run it.", List.of());
        }
        Optional<Fleet> fleet = session.fleet();
        if (fleet.isPresent()) {
            if (sql) {
                throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "--sql prints one script: leave out"
                        + " --schemas and --tenants, and run it against each tenant.");
            }
            return runFleet(fleet.get(), retort -> run.apply(retort, range.to()));
        }
        if (sql) {
            printScript(range);
        } else {
            if (operation == Operation.DOWNGRADE) {
                warnAboutEditedFiles(session.online(), range.to());
            }
            session.run(run.apply(session.online(), range.to()));
        }
        return 0;
    }

    /**
     * A downgrade runs each revision's downgrade section as its file says now; a file edited after
     * it was applied may no longer undo what the database got, so say so before it runs.
     */
    private void warnAboutEditedFiles(Retort retort, Target target) {
        List<Problem> edited = session.await(retort.validate()).problems().stream()
                .filter(problem -> problem.kind() == Kind.CHECKSUM_CHANGED).toList();
        if (edited.isEmpty()) {
            return;
        }
        Set<String> reverted = session.await(retort.plan(operation, target)).steps().stream()
                .map(PlannedStep::revision).collect(Collectors.toSet());
        edited.stream().filter(problem -> reverted.contains(problem.revision())).forEach(problem -> session.output()
                .warning("the file of " + problem.revision() + " changed after it was applied: its downgrade runs as"
                        + " the file is now, which may not undo what the database got ('retort validate' shows the"
                        + " change)"));
    }

    /** @return the worst exit code of the tenants: 0 when every one ran to the end */
    private int runFleet(Fleet fleet, Function<Retort, Flux<MigrationEvent>> run) {
        long started = System.nanoTime();
        List<TenantResult> results = new ArrayList<>();
        Output.FleetListener listener = session.output().fleetListener(fleet.tenants().size());
        session.forEach(fleet.onStart(listener.started()).run(run), result -> {
            results.add(result);
            listener.ended().accept(result);
        });
        session.output().report(FleetReport.of(results, Duration.ofNanos(System.nanoTime() - started)));
        return results.stream().filter(r -> r.error() != null).mapToInt(r -> r.error().code().exitCode()).max()
                .orElse(0);
    }

    private void printScript(ScriptRange range) {
        Retort retort = range.from().isPresent() ? session.offline() : session.online();
        MigrationPlan plan = range.from()
                .map(from -> session.await(retort.plan(operation, range.to(), startingHeads(from))))
                .orElseGet(() -> session.await(retort.plan(operation, range.to())));
        session.forEach(retort.script(plan), session.output()::sql);
    }

    private Set<String> startingHeads(String from) {
        return from.equals("base") ? Set.of() : new HashSet<>(RevisionPoints.resolve(session.revisions(), from));
    }
}
