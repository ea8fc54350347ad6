package dev.retort.internal.graph;

import static dev.retort.internal.graph.Graphs.changes;
import static dev.retort.internal.graph.Graphs.graph;
import static dev.retort.internal.graph.Graphs.ids;
import static dev.retort.internal.graph.Graphs.rev;
import static dev.retort.internal.graph.Graphs.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.TargetException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** a -> b, a -> c, and d merges b and c. */
class DiamondGraphUnitTests {

    private final RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("d", "b", "c"));

    @Nested
    class Structure {

        @Test
        void theMergeIsTheOnlyHeadAndComesLast() {
            assertThat(ids(graph)).containsExactly("a", "b", "c", "d");
            assertThat(graph.heads()).containsExactly("d");
            assertThat(graph.revision("d").isMerge()).isTrue();
        }

        @Test
        void theBranchPointHasTwoChildrenAndTheMergeTwoPathsOfAncestors() {
            assertThat(graph.children("a")).containsExactly("b", "c");
            assertThat(graph.ancestors("d")).containsExactly("a", "b", "c");
            assertThat(graph.descendants("b")).containsExactly("d");
        }
    }

    @Nested
    class Upgrade {

        @Test
        void upgradeThroughTheMergeSplitsThenJoinsTheRows() {
            Plan plan = Planner.upgrade(graph, rows("a"), "head");

            // After b the rows are {b}; after c {b, c}; the merge replaces both with {d}.
            assertThat(changes(plan)).containsExactly("b -a +b", "c +c", "d -b -c +d");
            assertThat(plan.rowsAfter()).containsExactly("d");
        }

        @Test
        void upgradeOneSideOfTheDiamondLeavesTwoRows() {
            Plan plan = Planner.upgrade(graph, rows("b"), "c");

            assertThat(changes(plan)).containsExactly("c +c");
            assertThat(plan.rowsAfter()).containsExactly("b", "c");
        }

        @Test
        void upgradeFromBaseAppliesEverythingInTopologicalOrder() {
            assertThat(changes(Planner.upgrade(graph, rows(), "d")))
                    .containsExactly("a +a", "b -a +b", "c +c", "d -b -c +d");
        }

        @Test
        void upgradePlusOneAcrossTheBranchPointNamesBothWays() {
            assertThatThrownBy(() -> Planner.upgrade(graph, rows("a"), "+1"))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("Relative revision +1 is ambiguous: 'a' branches into b, c. Name the way to go instead,"
                            + " e.g. 'b'.")
                    .extracting(e -> ((TargetException) e).candidates()).isEqualTo(List.of("b", "c"));
        }

        @Test
        void upgradeAmbiguityMidWalkSuggestsTheRemainingSteps() {
            assertThatThrownBy(() -> Planner.upgrade(graph, rows(), "+3"))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("'a' branches into b, c")
                    .hasMessageContaining("e.g. 'b+1'");
        }

        @Test
        void upgradeRevisionAtHeadFollowsBothPathsToTheMerge() {
            assertThat(Planner.upgrade(graph, rows("a"), "c@head").revisions()).containsExactly("b", "c", "d");
        }
    }

    @Nested
    class Downgrade {

        @Test
        void downgradeBackThroughTheMergeRestoresBothRowsThenJoinsThem() {
            Plan plan = Planner.downgrade(graph, rows("d"), "a");

            assertThat(changes(plan)).containsExactly("d -d +b +c", "c -c", "b -b +a");
            assertThat(plan.rowsAfter()).containsExactly("a");
        }

        @Test
        void downgradeToOneParentOfTheMergeKeepsTheOtherSide() {
            Plan plan = Planner.downgrade(graph, rows("d"), "b");

            assertThat(changes(plan)).containsExactly("d -d +b +c");
            assertThat(plan.rowsAfter()).containsExactly("b", "c");
        }

        @Test
        void downgradeMinusOneFromTheMergeNamesBothParents() {
            assertThatThrownBy(() -> Planner.downgrade(graph, rows("d"), "-1"))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("'d' merges b, c")
                    .extracting(e -> ((TargetException) e).candidates()).isEqualTo(List.of("b", "c"));
        }

        @Test
        void downgradeMinusOneWithTwoRowsAsksForOneBranch() {
            assertThatThrownBy(() -> Planner.downgrade(graph, rows("b", "c"), "-1"))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("Relative revision -1 needs a single current revision, but the database is at b, c."
                            + " Use '<rev>@-1' with one of them to move that branch only, e.g. 'b@-1' (once per"
                            + " branch to step each back).")
                    .extracting(e -> ((TargetException) e).candidates()).isEqualTo(List.of("b@-1", "c@-1"));
        }

        @Test
        void followingTheAdviceRevertsOnlyThatBranch() {
            assertThat(changes(Planner.downgrade(graph, rows("b", "c"), "b@-1"))).containsExactly("b -b");
            assertThat(changes(Planner.downgrade(graph, rows("b", "c"), "c@-1"))).containsExactly("c -c");
            assertThat(changes(Planner.upgrade(graph, rows("b", "c"), "b@+1"))).containsExactly("d -b -c +d");
        }

        @Test
        void aBranchStepNeedsOneCurrentRevisionOnThatLineAndTheRightDirection() {
            assertThatThrownBy(() -> Planner.downgrade(graph, rows("b", "c"), "a@-1"))
                    .isInstanceOf(TargetException.class).hasMessageContaining("it has b, c there; name one of them");
            assertThatThrownBy(() -> Planner.upgrade(graph, rows("b", "c"), "b@-1"))
                    .isInstanceOf(TargetException.class).hasMessageContaining("steps backward");
            assertThatThrownBy(() -> Planner.downgrade(graph, rows("b", "c"), "b@+1"))
                    .isInstanceOf(TargetException.class).hasMessageContaining("steps forward");
        }

        @Test
        void downgradeToTheBranchPointRevertsBothSides() {
            // c-1 is a, and every descendant of a goes, including the sibling b.
            assertThat(changes(Planner.downgrade(graph, rows("b", "c"), "c-1"))).containsExactly("c -c", "b -b +a");
        }

        @Test
        void downgradeOneSideToItsBaseRemovesOnlyThatSide() {
            // c's branch starts right after the branch point a, so c@base drops c alone.
            Plan plan = Planner.downgrade(graph, rows("b", "c"), "c@base");

            assertThat(changes(plan)).containsExactly("c -c");
            assertThat(plan.rowsAfter()).containsExactly("b");
        }
    }

    @Nested
    class StampAndHistory {

        @Test
        void stampOneSideKeepsTheUnrelatedSibling() {
            assertThat(Planner.stampRows(graph, rows("c"), "b")).containsExactly("b", "c");
        }

        @Test
        void stampReplacesEveryRowOnTheRevisionsLine() {
            assertThat(Planner.stampRows(graph, rows("b", "c"), "d")).containsExactly("d");
            assertThat(Planner.stampRows(graph, rows("b", "c"), "a")).containsExactly("a");
        }

        @Test
        void historyBetweenTwoPointsFollowsAncestry() {
            assertThat(Planner.range(graph, rows(), "b:d")).containsExactly("d", "b");
            assertThat(Planner.range(graph, rows(), ":b")).containsExactly("b", "a");
            assertThat(Planner.range(graph, rows(), "c:")).containsExactly("d", "c");
        }
    }
}
