package dev.retort.internal.execute;

import dev.retort.Operation;
import dev.retort.internal.graph.Step;
import dev.retort.internal.source.Script;
import dev.retort.internal.sql.SqlStatement;

import java.util.List;

/**
 * One step of a plan with everything needed to run it: the script, the operation and the
 * statements of the section to run, already split and checked.
 *
 * @param step       the planner's step (revision and version-table change)
 * @param script     the revision's script
 * @param operation  upgrade or downgrade
 * @param statements the section's statements, in order
 */
public record PreparedStep(Step step, Script script, Operation operation, List<SqlStatement> statements) {

    /** Copies the list so the record stays immutable. */
    public PreparedStep {
        statements = List.copyOf(statements);
    }

    /** @return the revision id */
    public String revision() {
        return step.revision();
    }
}
