package dev.retort.internal.inspect;

import dev.retort.MigrationPlan;
import dev.retort.Operation;
import dev.retort.PlannedStep;
import dev.retort.internal.EngineSettings;
import dev.retort.internal.history.HistorySql;
import dev.retort.internal.history.StampSql;
import dev.retort.internal.history.StepSql;
import dev.retort.internal.plan.Plans;
import dev.retort.internal.plan.PreparedStep;
import dev.retort.internal.plan.StepPreparation;
import dev.retort.internal.r2dbc.SessionReset;
import dev.retort.internal.source.Catalog;
import dev.retort.internal.source.SessionSettings;
import dev.retort.internal.sql.SqlStatement;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders a plan as a SQL script for {@code psql -v ON_ERROR_STOP=1 -f}: the same statements, in
 * the same transactions, with the same version-table and history statements a run executes.
 *
 * <p>A script is written for a database at its plan's start, and a run checks the version table
 * under the lock; a script cannot, so each revision first checks that the version table holds
 * exactly the rows the plan expects before it and that the database is not dirty, and fails
 * otherwise, before any of its statements. Applied to a database somewhere else, or applied twice,
 * it stops at its first revision with a message that says why.
 */
public final class ScriptWriter {

    private final EngineSettings settings;
    private final HistorySql sql;
    private final StepSql stepSql;
    private final StampSql stampSql;

    /** @param settings the run settings */
    public ScriptWriter(EngineSettings settings) {
        this.settings = settings;
        this.sql = settings.sql();
        this.stepSql = new StepSql(sql);
        this.stampSql = new StampSql(sql);
    }

    /**
     * @param plan the plan to render
     * @return the script, one chunk per statement or comment, each ending with a newline; large
     *     sections stream from their files
     */
    public Flux<String> script(MigrationPlan plan) {
        return Catalog.load(settings.source()).flatMapMany(catalog -> Flux.concat(
                Flux.just(title(plan)),
                plan.operation() == Operation.STAMP ? stamp(plan, catalog)
                        : StepPreparation.prepare(Plans.steps(plan), catalog)
                                .flatMapMany(steps -> steps(plan, steps))));
    }

    private static String title(MigrationPlan plan) {
        return "-- Retort " + plan.operation().label() + " to '" + plan.target() + "' from " + rows(plan.currentHeads())
                + "\n-- Each revision first checks that the database is where this script expects it.\n";
    }

    private static String rows(Set<String> rows) {
        return rows.isEmpty() ? "base" : String.join(", ", new TreeSet<>(rows));
    }

    /**
     * A stamp sets the version table outright; from base it is written for any database (a purge
     * is planned from base), from revisions it checks that the database is at them.
     */
    private Flux<String> stamp(MigrationPlan plan, Catalog catalog) {
        List<String> statements = new ArrayList<>(creation(plan));
        if (!plan.currentHeads().isEmpty()) {
            statements.add(sql.versionGuard(plan.currentHeads(), false));
        }
        statements.addAll(stampSql.statements(plan.headsAfter(), catalog));
        return transaction(Flux.fromIterable(statements));
    }

    /** From base, Retort's tables may not exist yet: the first revision's transaction creates them. */
    private List<String> creation(MigrationPlan plan) {
        return plan.currentHeads().isEmpty() ? sql.createTablesIfMissing() : List.of();
    }

    private Flux<String> steps(MigrationPlan plan, List<PreparedStep> steps) {
        List<Flux<String>> rendered = new ArrayList<>();
        Set<String> rows = new TreeSet<>(plan.currentHeads());
        for (int i = 0; i < steps.size(); i++) {
            PlannedStep planned = plan.steps().get(i);
            List<String> opening = new ArrayList<>(i == 0 ? creation(plan) : List.of());
            opening.add(sql.versionGuard(rows, true));
            rendered.add(step(steps.get(i), opening));
            rows.removeAll(planned.deletedHeads());
            rows.addAll(planned.insertedHeads());
        }
        return Flux.concat(rendered);
    }

    private Flux<String> step(PreparedStep step, List<String> opening) {
        String message = step.script().message().isEmpty() ? "" : ": " + step.script().message();
        Flux<String> heading = Flux.just("\n-- " + step.operation().label() + " " + step.revision() + message + "\n");
        Flux<String> statements = step.statements().map(ScriptWriter::terminated);
        Flux<String> reset = Flux.fromIterable(SessionReset.TO_DEFAULTS.statements());
        SessionSettings sessionSettings = settings.run().settings().with(step.script().settings());
        if (step.script().transactional()) {
            return Flux.concat(heading, transaction(Flux.concat(Flux.fromIterable(opening),
                    Flux.fromIterable(sessionSettings.statements(true)), statements, reset,
                    Flux.just(stepSql.recordedOrFail(step)))));
        }
        return Flux.concat(heading, transaction(Flux.fromIterable(opening)), Flux.just(terminated(stepSql.started(step))),
                Flux.fromIterable(sessionSettings.statements(false)).map(ScriptWriter::terminated), statements,
                transaction(Flux.concat(reset, Flux.fromIterable(sessionSettings.resets()),
                        Flux.just(stepSql.completedOrFail(step)))));
    }

    /** Wraps statements (already terminated, or plain SQL to terminate) in BEGIN/COMMIT. */
    private static Flux<String> transaction(Flux<String> statements) {
        return Flux.concat(Flux.just("BEGIN;\n"),
                statements.map(statement -> statement.endsWith(";\n") ? statement : terminated(statement)),
                Flux.just("COMMIT;\n"));
    }

    private static String terminated(SqlStatement statement) {
        return terminated(statement.sql());
    }

    private static String terminated(String statement) {
        // A statement may end in a line comment, which would swallow a semicolon on the same line.
        String lastLine = statement.substring(statement.lastIndexOf('\n') + 1);
        return statement + (lastLine.contains("--") ? "\n;\n" : ";\n");
    }
}
