package dev.retort.internal.plan;

import dev.retort.MigrationPlan;
import dev.retort.Operation;
import dev.retort.PlannedStep;
import dev.retort.internal.graph.Direction;
import dev.retort.internal.graph.Plan;
import dev.retort.internal.graph.Planner;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.graph.Step;
import dev.retort.internal.source.Catalog;
import dev.retort.internal.source.Script;

import java.util.List;
import java.util.Set;

/** Converts between the planner's plans and the public {@link MigrationPlan}. */
public final class Plans {

    private Plans() {
    }

    /**
     * Plans an upgrade or downgrade.
     *
     * @param operation upgrade or downgrade
     * @param graph     the revision graph
     * @param heads     the current version rows
     * @param target    the target expression
     * @return the planner's plan
     */
    public static Plan plan(Operation operation, RevisionGraph graph, Set<String> heads, String target) {
        return operation == Operation.DOWNGRADE
                ? Planner.downgrade(graph, heads, target)
                : Planner.upgrade(graph, heads, target);
    }

    /**
     * @param operation what the plan does
     * @param plan      the planner's plan
     * @param catalog   the scripts, for messages and files
     * @return the public view of the plan
     */
    public static MigrationPlan toPublic(Operation operation, Plan plan, Catalog catalog) {
        List<PlannedStep> steps = plan.steps().stream().map(step -> toPublic(step, catalog.script(step.revision())))
                .toList();
        return new MigrationPlan(operation, plan.target(), plan.rowsBefore(), steps, plan.rowsAfter());
    }

    private static PlannedStep toPublic(Step step, Script script) {
        return new PlannedStep(step.revision(), operation(step.direction()), script.message(), script.location(),
                script.transactional(), step.deletedRows(), step.insertedRows());
    }

    /**
     * @param plan a public plan
     * @return the planner's steps it describes
     */
    public static List<Step> steps(MigrationPlan plan) {
        return plan.steps().stream().map(s -> new Step(s.revision(), direction(s.operation()), s.deletedHeads(),
                s.insertedHeads())).toList();
    }

    public static Operation operation(Direction direction) {
        return direction == Direction.UPGRADE ? Operation.UPGRADE : Operation.DOWNGRADE;
    }

    private static Direction direction(Operation operation) {
        return operation == Operation.DOWNGRADE ? Direction.DOWNGRADE : Direction.UPGRADE;
    }
}
