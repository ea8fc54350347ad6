package dev.retort.internal.graph;

import static dev.retort.internal.graph.Graphs.changes;
import static dev.retort.internal.graph.Graphs.labelled;
import static dev.retort.internal.graph.Graphs.rev;
import static dev.retort.internal.graph.Graphs.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.TargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Two labelled branches off r1: main (r2 -> r3) and feature (f1 -> f2). The merged variant adds m,
 * which joins r3 and f2.
 */
class BranchAndMergeUnitTests {

    private final RevisionGraph branched = withBranches();
    private final RevisionGraph merged = withBranches(rev("m", "r3", "f2"));

    private static RevisionGraph withBranches(Revision... more) {
        List<Revision> revisions = new ArrayList<>(List.of(rev("r1"), labelled("main", "r2", "r1"), rev("r3", "r2"),
                labelled("feature", "f1", "r1"), rev("f2", "f1")));
        revisions.addAll(List.of(more));
        return RevisionGraph.of(revisions);
    }

    @Nested
    class Labels {

        @Test
        void labelsNameTheRevisionThatCarriesThem() {
            assertThat(branched.labelled("feature")).contains("f1");
            assertThat(branched.labelled("nope")).isEmpty();
            assertThat(branched.branchLabels()).containsExactly("feature", "main");
        }

        @Test
        void aLabelAloneTargetsTheLabelledRevision() {
            assertThat(Planner.upgrade(branched, rows(), "feature").revisions()).containsExactly("r1", "f1");
        }

        @Test
        void aRevisionBeforeTheBranchPointHasSeveralHeads() {
            assertThatThrownBy(() -> Planner.upgrade(branched, rows(), "r1@head"))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("'r1' has several heads: f2, r3. Name one of them, or a branch label that leads to one.")
                    .extracting(e -> ((TargetException) e).candidates()).isEqualTo(List.of("f2", "r3"));
        }
    }

    @Nested
    class AtEveryHead {

        @Test
        void upgradingToTheHeadsPlansNothingAndKeepsTheRows() {
            for (RevisionGraph graph : List.of(branched, merged)) {
                Set<String> heads = Set.copyOf(graph.heads());
                Plan plan = Planner.upgrade(graph, heads, "heads");

                assertThat(plan.steps()).isEmpty();
                assertThat(plan.rowsAfter()).isEqualTo(heads);
            }
            assertThat(Planner.upgrade(merged, rows("m"), "head").steps()).isEmpty();
        }

        @Test
        void headStillRefusesAGraphWithSeveralHeads() {
            assertThatThrownBy(() -> Planner.upgrade(branched, rows("f2", "r3"), "head"))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("f2, r3");
        }
    }

    @Nested
    class HeadsMoveIndependently {

        @Test
        void upgradeOneBranchHeadLeavesTheOtherBranchRow() {
            Plan plan = Planner.upgrade(branched, rows("f2"), "main@head");

            // r1 still has an applied child (f1), so r2 adds a row instead of replacing one.
            assertThat(changes(plan)).containsExactly("r2 +r2", "r3 -r2 +r3");
            assertThat(plan.rowsAfter()).containsExactly("f2", "r3");
        }

        @Test
        void upgradeTheFirstBranchFromTheBranchPointReplacesItsRow() {
            assertThat(changes(Planner.upgrade(branched, rows("r1"), "feature@head")))
                    .containsExactly("f1 -r1 +f1", "f2 -f1 +f2");
        }

        @Test
        void branchHeadAcceptsARelativeStep() {
            assertThat(Planner.upgrade(branched, rows("r1"), "feature@head-1").revisions()).containsExactly("f1");
            assertThatThrownBy(() -> Planner.upgrade(branched, rows(), "main@head+1"))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("didn't produce 1 migrations");
        }

        @Test
        void upgradeBranchBaseAppliesUpToTheLabelledRevision() {
            assertThat(Planner.upgrade(branched, rows(), "main@base").revisions()).containsExactly("r1", "r2");
        }

        @Test
        void downgradeOneBranchHeadLeavesTheOther() {
            Plan plan = Planner.downgrade(branched, rows("r3", "f2"), "main@head-1");

            assertThat(changes(plan)).containsExactly("r3 -r3 +r2");
            assertThat(plan.rowsAfter()).containsExactly("f2", "r2");
        }

        @Test
        void downgradeBranchBaseRemovesTheWholeBranchButNotTheSharedTrunk() {
            Plan plan = Planner.downgrade(branched, rows("r3", "f2"), "feature@base");

            assertThat(changes(plan)).containsExactly("f2 -f2 +f1", "f1 -f1");
            assertThat(plan.rowsAfter()).containsExactly("r3");
        }

        @Test
        void downgradeToALabelKeepsTheLabelledRevision() {
            assertThat(Planner.downgrade(branched, rows("r3", "f2"), "feature").rowsAfter()).containsExactly("f1", "r3");
        }

        @Test
        void stampOneBranchKeepsTheOtherBranchRow() {
            assertThat(Planner.stampRows(branched, rows("r3", "f1"), "feature@head")).containsExactly("f2", "r3");
            assertThat(Planner.stampRows(branched, rows("r3", "f2"), "main@base")).containsExactly("f2");
        }
    }

    @Nested
    class Merge {

        @Test
        void upgradeToTheMergeJoinsBothBranchRows() {
            Plan plan = Planner.upgrade(merged, rows("r3", "f2"), "head");

            assertThat(changes(plan)).containsExactly("m -f2 -r3 +m");
            assertThat(plan.rowsAfter()).containsExactly("m");
        }

        @Test
        void afterTheMergeEachBranchHeadIsTheMerge() {
            assertThat(Planner.upgrade(merged, rows("r1"), "feature@head").rowsAfter()).containsExactly("m");
        }

        @Test
        void downgradeBackThroughTheMergeAndBothBranches() {
            Plan plan = Planner.downgrade(merged, rows("m"), "r1");

            assertThat(changes(plan))
                    .containsExactly("m -m +f2 +r3", "r3 -r3 +r2", "r2 -r2", "f2 -f2 +f1", "f1 -f1 +r1");
            assertThat(plan.rowsAfter()).containsExactly("r1");
        }

        @Test
        void downgradeOneBranchToBaseUnmergesAndKeepsTheOther() {
            Plan plan = Planner.downgrade(merged, rows("m"), "main@base");

            assertThat(changes(plan)).containsExactly("m -m +f2 +r3", "r3 -r3 +r2", "r2 -r2");
            assertThat(plan.rowsAfter()).containsExactly("f2");
        }

        @Test
        void downgradeMinusOneFromTheMergeNamesBothParents() {
            assertThatThrownBy(() -> Planner.downgrade(merged, rows("m"), "-1"))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("'m' merges r3, f2")
                    .extracting(e -> ((TargetException) e).candidates()).isEqualTo(List.of("f2", "r3"));
        }

        @Test
        void historyOfOneBranchStopsAtTheBranchPoint() {
            assertThat(Planner.range(merged, rows(), "f1:f2")).containsExactly("f2", "f1");
            assertThat(Planner.range(merged, rows(), "feature:")).containsExactly("m", "f2", "f1");
        }
    }
}
