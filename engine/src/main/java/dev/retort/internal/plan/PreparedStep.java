package dev.retort.internal.plan;

import dev.retort.Operation;
import dev.retort.internal.graph.Step;
import dev.retort.internal.source.Script;
import dev.retort.internal.source.Section;
import dev.retort.internal.sql.SqlStatement;
import reactor.core.publisher.Flux;

/**
 * One step of a plan with everything needed to run it: the script, the operation and the section
 * to run, already checked statement by statement.
 *
 * @param step      the planner's step (revision and version-table change)
 * @param script    the revision's script
 * @param operation upgrade or downgrade
 * @param section   the section to run
 */
public record PreparedStep(Step step, Script script, Operation operation, Section section) {

    /** @return the revision id */
    public String revision() {
        return step.revision();
    }

    /** @return the section's statements, split again on each subscription (large sections stream) */
    public Flux<SqlStatement> statements() {
        return section.statements(script.location());
    }
}
