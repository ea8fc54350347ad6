package dev.retort.internal.execute;

import dev.retort.MigrationPlan;
import dev.retort.Operation;
import dev.retort.internal.history.HistorySql;
import dev.retort.internal.source.Catalog;
import dev.retort.internal.sql.SqlStatement;
import reactor.core.publisher.Flux;


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
     * @return the script, one chunk per statement or comment, each ending with a newline; large
     *     sections stream from their files
     */
    public Flux<String> script(MigrationPlan plan) {
        return Catalog.load(settings.source()).flatMapMany(catalog -> Flux.concat(
                Flux.just(title(plan)),
                plan.currentHeads().isEmpty() ? transaction(Flux.fromIterable(sql.createTables())) : Flux.empty(),
                plan.operation() == Operation.STAMP
                        ? transaction(Flux.fromIterable(
                                stampSql.statements(plan.headsAfter(), catalog)))
                        : StepPreparation.prepare(Plans.steps(plan), catalog)
                                .flatMapMany(steps -> Flux.fromIterable(steps).concatMap(this::renderStep))));
    }

    private static String title(MigrationPlan plan) {
        String from = plan.currentHeads().isEmpty() ? "base"
                : String.join(", ", plan.currentHeads().stream().sorted().toList());
        return "-- Retort " + plan.operation().label() + " to '" + plan.target() + "' from " + from + "\n";
    }

    private Flux<String> renderStep(PreparedStep step) {
        String message = step.script().message().isEmpty() ? "" : ": " + step.script().message();
        Flux<String> heading = Flux.just("\n-- " + step.operation().label() + " " + step.revision() + message + "\n");
        Flux<String> statements = step.statements().map(statement -> terminated(statement));
        if (step.script().transactional()) {
            return Flux.concat(heading, transaction(Flux.concat(statements, Flux.just(stepSql.recorded(step, null)))));
        }
        return Flux.concat(heading, Flux.just(terminated(stepSql.started(step))), statements,
                transaction(Flux.just(stepSql.completed(step, null))));
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
