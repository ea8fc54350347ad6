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

/** Two independent histories, a1 -> a2 and x1 -> x2, without labels. */
class TwoBasesUnitTests {

    private final RevisionGraph graph = graph(rev("x2", "x1"), rev("a1"), rev("x1"), rev("a2", "a1"));

    @Nested
    class Structure {

        @Test
        void eachHistoryHasItsOwnBaseAndHead() {
            assertThat(graph.bases()).containsExactly("a1", "x1");
            assertThat(graph.heads()).containsExactly("a2", "x2");
        }

        @Test
        void tiesBetweenIndependentRevisionsAreBrokenById() {
            assertThat(ids(graph)).containsExactly("a1", "a2", "x1", "x2");
        }
    }

    @Nested
    class Upgrade {

        @Test
        void upgradeHeadWithTwoHeadsNamesBoth() {
            assertThatThrownBy(() -> Planner.upgrade(graph, rows(), "head"))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("Multiple heads are present for given argument 'head'; a2, x2. Use 'heads' to upgrade"
                            + " all of them, or name one (e.g. 'a2').")
                    .extracting(e -> ((TargetException) e).candidates()).isEqualTo(List.of("a2", "x2"));
        }

        @Test
        void upgradeHeadsAppliesBothHistoriesWithARowEach() {
            Plan plan = Planner.upgrade(graph, rows(), "heads");

            assertThat(changes(plan)).containsExactly("a1 +a1", "a2 -a1 +a2", "x1 +x1", "x2 -x1 +x2");
            assertThat(plan.rowsAfter()).containsExactly("a2", "x2");
        }

        @Test
        void upgradeOneHistoryLeavesTheOtherRowAlone() {
            Plan plan = Planner.upgrade(graph, rows("x2"), "a2");

            assertThat(changes(plan)).containsExactly("a1 +a1", "a2 -a1 +a2");
            assertThat(plan.rowsAfter()).containsExactly("a2", "x2");
        }

        @Test
        void upgradePlusOneFromBaseNamesBothBases() {
            assertThatThrownBy(() -> Planner.upgrade(graph, rows(), "+1"))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("the history has several bases: a1, x1")
                    .extracting(e -> ((TargetException) e).candidates()).isEqualTo(List.of("a1", "x1"));
        }

        @Test
        void upgradeRevisionAtHeadStaysOnItsOwnHistory() {
            assertThat(Planner.upgrade(graph, rows(), "x1@head").revisions()).containsExactly("x1", "x2");
        }
    }

    @Nested
    class Downgrade {

        @Test
        void downgradeHeadWithTwoHeadsNamesBoth() {
            assertThatThrownBy(() -> Planner.downgrade(graph, rows("a2", "x2"), "head"))
                    .isInstanceOf(TargetException.class)
                    .hasMessageStartingWith("Multiple heads are present for given argument 'head'; a2, x2. Use 'heads'"
                            + " to downgrade all of them")
                    .extracting(e -> ((TargetException) e).candidates()).isEqualTo(List.of("a2", "x2"));
        }

        @Test
        void downgradeBaseRevertsBothHistories() {
            Plan plan = Planner.downgrade(graph, rows("a2", "x2"), "base");

            assertThat(changes(plan)).containsExactly("x2 -x2 +x1", "x1 -x1", "a2 -a2 +a1", "a1 -a1");
            assertThat(plan.rowsAfter()).isEmpty();
        }

        @Test
        void downgradeOneHistoryToItsBaseKeepsTheOther() {
            assertThat(Planner.downgrade(graph, rows("a2", "x2"), "a2@base").rowsAfter()).containsExactly("x2");
            assertThat(Planner.downgrade(graph, rows("a2", "x2"), "a1@base").revisions()).containsExactly("a2", "a1");
        }

        @Test
        void downgradeSteppingBackPastOneBaseEmptiesOnlyThatHistory() {
            Plan plan = Planner.downgrade(graph, rows("a1", "x2"), "a1-1");

            assertThat(changes(plan)).containsExactly("a1 -a1");
            assertThat(plan.rowsAfter()).containsExactly("x2");
        }

        @Test
        void downgradeToTheOtherHistoryWhenItIsNotAppliedIsRefused() {
            assertThatThrownBy(() -> Planner.downgrade(graph, rows("a2"), "x2"))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("Revision 'x2' is not applied; current rows are a2; nothing to downgrade.");
        }

        @Test
        void downgradeToHeadsThatAreAppliedIsEmpty() {
            assertThat(Planner.downgrade(graph, rows("a2", "x2"), "heads").isEmpty()).isTrue();
        }
    }

    @Nested
    class StampAndHistory {

        @Test
        void stampOneHistoryKeepsTheOthersRow() {
            assertThat(Planner.stampRows(graph, rows("x1"), "a2")).containsExactly("a2", "x1");
            assertThat(Planner.stampRows(graph, rows("a2", "x2"), "a1")).containsExactly("a1", "x2");
        }

        @Test
        void stampHeadsAndBaseIgnoreTheCurrentRows() {
            assertThat(Planner.stampRows(graph, rows("a1"), "heads")).containsExactly("a2", "x2");
            assertThat(Planner.stampRows(graph, rows("a2", "x2"), "base")).isEmpty();
        }

        @Test
        void stampBranchBaseDropsOnlyThatHistory() {
            assertThat(Planner.stampRows(graph, rows("a2", "x2"), "x2@base")).containsExactly("a2");
        }

        @Test
        void historyOfOneHistoryExcludesTheOther() {
            assertThat(Planner.range(graph, rows(), ":a2")).containsExactly("a2", "a1");
            assertThat(Planner.range(graph, rows(), "x1:")).containsExactly("x2", "x1");
            assertThat(Planner.range(graph, rows(), ":heads")).containsExactly("x2", "x1", "a2", "a1");
        }

        @Test
        void historyToHeadWithTwoHeadsIsAmbiguous() {
            assertThatThrownBy(() -> Planner.range(graph, rows(), "base:head"))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("Use 'heads' to show all of them");
        }
    }
}
