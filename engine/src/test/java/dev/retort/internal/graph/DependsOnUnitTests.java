package dev.retort.internal.graph;

import static dev.retort.internal.graph.Graphs.changes;
import static dev.retort.internal.graph.Graphs.dependent;
import static dev.retort.internal.graph.Graphs.graph;
import static dev.retort.internal.graph.Graphs.ids;
import static dev.retort.internal.graph.Graphs.rev;
import static dev.retort.internal.graph.Graphs.rows;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Two histories, d1 -> d2 and s1 -> s2 -> s3, where s2 depends on d1 without merging. */
class DependsOnUnitTests {

    private final RevisionGraph graph = graph(rev("d1"), rev("d2", "d1"), rev("s1"), dependent("s2", "s1", "d1"),
            rev("s3", "s2"));

    @Nested
    class Structure {

        @Test
        void aDependencyOrdersButIsNotAChild() {
            assertThat(ids(graph)).containsExactly("d1", "d2", "s1", "s2", "s3");
            assertThat(graph.children("d1")).containsExactly("d2");
            assertThat(graph.heads()).containsExactly("d2", "s3");
        }

        @Test
        void ancestryFollowsDependenciesToo() {
            assertThat(graph.ancestors("s2")).containsExactly("d1", "s1");
            assertThat(graph.descendants("d1")).containsExactly("d2", "s2", "s3");
        }

        @Test
        void aRevisionMayNameTheSameIdAsParentAndDependency() {
            RevisionGraph twice = graph(rev("a"), dependent("b", "a", "a"));

            assertThat(changes(Planner.upgrade(twice, rows(), "b"))).containsExactly("a +a", "b -a +b");
        }
    }

    @Nested
    class Upgrade {

        @Test
        void upgradeAppliesTheDependencyFirstAndKeepsItsRow() {
            Plan plan = Planner.upgrade(graph, rows(), "s2");

            // d1 stays the head of its own history: depends-on does not merge the two.
            assertThat(changes(plan)).containsExactly("d1 +d1", "s1 +s1", "s2 -s1 +s2");
            assertThat(plan.rowsAfter()).containsExactly("d1", "s2");
        }

        @Test
        void upgradeWithTheDependencyAlreadyPastLeavesItsRowAlone() {
            Plan plan = Planner.upgrade(graph, rows("d2", "s1"), "s2");

            assertThat(changes(plan)).containsExactly("s2 -s1 +s2");
            assertThat(plan.rowsAfter()).containsExactly("d2", "s2");
        }

        @Test
        void aMissingDependencyRowIsRepairedByTheFirstStep() {
            // {s2} alone implies d1 is applied, and d1 is a head, so it belongs in the table.
            Plan plan = Planner.upgrade(graph, rows("s2"), "s3");

            assertThat(changes(plan)).containsExactly("s3 -s2 +d1 +s3");
            assertThat(plan.rowsAfter()).containsExactly("d1", "s3");
        }

        @Test
        void relativeStepsFollowParentsNotDependencies() {
            assertThat(Planner.upgrade(graph, rows(), "s2-1").revisions()).containsExactly("s1");
        }
    }

    @Nested
    class Downgrade {

        @Test
        void downgradeBelowADependencyRevertsTheDependentFirst() {
            Plan plan = Planner.downgrade(graph, rows("d1", "s2"), "d1@base");

            assertThat(changes(plan)).containsExactly("s2 -s2 +s1", "d1 -d1");
            assertThat(plan.rowsAfter()).containsExactly("s1");
        }

        @Test
        void downgradeToTheDependencyKeepsRevisionsThatOnlyDependOnIt() {
            Plan plan = Planner.downgrade(graph, rows("d2", "s3"), "d1");

            assertThat(changes(plan)).containsExactly("d2 -d2 +d1");
            assertThat(plan.rowsAfter()).containsExactly("d1", "s3");
        }

        @Test
        void downgradeBaseRevertsDependentsBeforeDependencies() {
            assertThat(changes(Planner.downgrade(graph, rows("d2", "s3"), "base")))
                    .containsExactly("s3 -s3 +s2", "s2 -s2 +s1", "s1 -s1", "d2 -d2 +d1", "d1 -d1");
        }
    }

    @Nested
    class StampAndHistory {

        @Test
        void stampADependentRecordsItsDependencyRowToo() {
            assertThat(Planner.stampRows(graph, rows(), "s2")).containsExactly("d1", "s2");
        }

        @Test
        void stampTheDependencyKeepsTheDependentHistory() {
            assertThat(Planner.stampRows(graph, rows("d2", "s2"), "d1")).containsExactly("d1", "s2");
        }

        @Test
        void historyFromADependencyIncludesItsDependents() {
            assertThat(Planner.range(graph, rows(), "d1:")).containsExactly("s3", "s2", "d2", "d1");
            assertThat(Planner.range(graph, rows(), ":s2")).containsExactly("s2", "s1", "d1");
        }
    }
}
