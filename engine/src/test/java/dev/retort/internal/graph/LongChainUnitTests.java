package dev.retort.internal.graph;

import static dev.retort.internal.graph.Graphs.rev;
import static dev.retort.internal.graph.Graphs.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A linear chain of 10,000 revisions: validation, planning and ancestry must neither recurse
 * (stack overflow) nor go quadratic. No timing asserts; a regression shows up as a hung build.
 */
class LongChainUnitTests {

    private static final int LENGTH = 10_000;

    private static final RevisionGraph CHAIN = chain();

    private static RevisionGraph chain() {
        List<Revision> revisions = new ArrayList<>();
        revisions.add(rev(id(0)));
        for (int i = 1; i < LENGTH; i++) {
            revisions.add(rev(id(i), id(i - 1)));
        }
        // Reading order must not matter, and reversed input is the worst case for a naive sort.
        Collections.reverse(revisions);
        return RevisionGraph.of(revisions);
    }

    private static String id(int i) {
        return String.format("r%05d", i);
    }

    @Test
    void upgradeFromBaseAppliesEveryRevisionInOrder() {
        Plan plan = Planner.upgrade(CHAIN, rows(), "head");

        assertThat(plan.steps()).hasSize(LENGTH);
        assertThat(plan.steps().get(0).revision()).isEqualTo(id(0));
        assertThat(plan.steps().get(LENGTH - 1).deletedRows()).containsExactly(id(LENGTH - 2));
        assertThat(plan.rowsAfter()).containsExactly(id(LENGTH - 1));
    }

    @Test
    void downgradeToBaseRevertsEveryRevisionNewestFirst() {
        Plan plan = Planner.downgrade(CHAIN, rows(id(LENGTH - 1)), "base");

        assertThat(plan.steps()).hasSize(LENGTH);
        assertThat(plan.steps().get(0).revision()).isEqualTo(id(LENGTH - 1));
        assertThat(plan.rowsAfter()).isEmpty();
    }

    @Test
    void ancestryAndRelativeStepsSpanTheWholeChain() {
        assertThat(CHAIN.ancestors(id(LENGTH - 1))).hasSize(LENGTH - 1);
        assertThat(CHAIN.descendants(id(0))).hasSize(LENGTH - 1);
        assertThat(Planner.stampRows(CHAIN, rows(id(LENGTH - 1)), "-9999")).containsExactly(id(0));
        assertThat(Planner.range(CHAIN, rows(), ":head")).hasSize(LENGTH).startsWith(id(LENGTH - 1));
    }

    @Test
    void aLabelAtTheTipMakesTheWholeChainItsBranch() {
        List<Revision> revisions = new ArrayList<>(CHAIN.revisions());
        Revision tip = revisions.remove(LENGTH - 1);
        revisions.add(new Revision(tip.id(), tip.parents(), List.of(), Set.of("main"), tip.origin()));

        Plan plan = Planner.downgrade(RevisionGraph.of(revisions), rows(tip.id()), "main@base");

        assertThat(plan.steps()).hasSize(LENGTH);
    }
}
