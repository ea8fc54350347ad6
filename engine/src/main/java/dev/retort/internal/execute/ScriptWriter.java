package dev.retort.internal.execute;

import dev.retort.MigrationPlan;
import dev.retort.Operation;
import dev.retort.internal.history.HistorySql;
import dev.retort.internal.source.Catalog;
import dev.retort.internal.sql.SqlStatement;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a plan as a SQL script for {@code psql -v ON_ERROR_STOP=1 -f}: the same statements, in
 * the same transactions, with the same version-table and history statements a run executes.
 */
public final class ScriptWriter {

    private final Settings settings;
    private final HistorySql sql;
    private final StepSql stepSql;
    private final StampSql stampSql;

    /** @param settings the run settings */
    public ScriptWriter(Settings settings) {
        this.settings = settings;
        this.sql = settings.sql();
        this.stepSql = new StepSql(sql);
        this.stampSql = new StampSql(sql);
    }

    /**
     * @param plan the plan to render
     * @return the script, one chunk per statement or comment, each ending with a newline
     */
    public Flux<String> script(MigrationPlan plan) {
        return Catalog.load(settings.source()).flatMapMany(catalog -> Flux.fromIterable(render(plan, catalog)));
    }

    private List<String> render(MigrationPlan plan, Catalog catalog) {
        List<String> out = new ArrayList<>();
        out.add("-- Retort " + plan.operation().label() + " to '" + plan.target() + "' from "
                + (plan.currentHeads().isEmpty() ? "base" : String.join(", ", plan.currentHeads().stream().sorted().toList()))
                + "\n");
        if (plan.currentHeads().isEmpty()) {
            transaction(out, sql.createTables());
        }
        if (plan.operation() == Operation.STAMP) {
            transaction(out, stampSql.statements(plan.currentHeads(), plan.headsAfter(), false, catalog));
            return out;
        }
        for (PreparedStep step : StepPreparation.prepare(Plans.steps(plan), catalog)) {
            renderStep(out, step);
        }
        return out;
    }

    private void renderStep(List<String> out, PreparedStep step) {
        out.add("\n-- " + step.operation().label() + " " + step.revision()
                + (step.script().message().isEmpty() ? "" : ": " + step.script().message()) + "\n");
        if (step.script().transactional()) {
            out.add("BEGIN;\n");
            step.statements().forEach(statement -> out.add(terminated(statement)));
            bookkeeping(out, step, stepSql.history(step, null, true));
            out.add("COMMIT;\n");
        } else {
            out.add(terminated(stepSql.history(step, null, false)));
            step.statements().forEach(statement -> out.add(terminated(statement)));
            out.add("BEGIN;\n");
            bookkeeping(out, step, stepSql.succeeded(step, null));
            out.add("COMMIT;\n");
        }
    }

    private void bookkeeping(List<String> out, PreparedStep step, String history) {
        stepSql.versionChange(step).forEach(statement -> out.add(terminated(statement)));
        out.add(terminated(history));
    }

    private static void transaction(List<String> out, List<String> statements) {
        out.add("BEGIN;\n");
        statements.forEach(statement -> out.add(terminated(statement)));
        out.add("COMMIT;\n");
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
