package dev.retort.internal.graph;

import static dev.retort.internal.graph.Graphs.changes;
import static dev.retort.internal.graph.Graphs.graph;
import static dev.retort.internal.graph.Graphs.ids;
import static dev.retort.internal.graph.Graphs.rev;
import static dev.retort.internal.graph.Graphs.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.error.TargetException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** a -> b -> c: one base, one head, no branches. */
class LinearGraphUnitTests {

    private final RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "b"));

    @Nested
    class Structure {

        @Test
        void revisionsComeParentFirstWhateverTheInputOrder() {
            RevisionGraph shuffled = graph(rev("c", "b"), rev("a"), rev("b", "a"));

            assertThat(ids(shuffled)).containsExactly("a", "b", "c");
            assertThat(ids(graph)).containsExactly("a", "b", "c");
        }

        @Test
        void theOnlyHeadIsTheTipAndTheOnlyBaseTheRoot() {
            assertThat(graph.heads()).containsExactly("c");
            assertThat(graph.bases()).containsExactly("a");
        }

        @Test
        void ancestryIsTransitiveAndExcludesTheRevisionItself() {
            assertThat(graph.ancestors("c")).containsExactly("a", "b");
            assertThat(graph.descendants("a")).containsExactly("b", "c");
            assertThat(graph.ancestors("a")).isEmpty();
            assertThat(graph.children("a")).containsExactly("b");
        }

        @Test
        void unknownRevisionIsRejectedByLookupButNotByContains() {
            assertThat(graph.contains("b")).isTrue();
            assertThat(graph.contains("z")).isFalse();
            assertThatThrownBy(() -> graph.revision("z")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Upgrade {

        @Test
        void upgradeHeadFromBaseMovesTheSingleRowAlong() {
            Plan plan = Planner.upgrade(graph, rows(), "head");

            assertThat(changes(plan)).containsExactly("a +a", "b -a +b", "c -b +c");
            assertThat(plan.direction()).isEqualTo(Direction.UPGRADE);
            assertThat(plan.rowsBefore()).isEmpty();
            assertThat(plan.rowsAfter()).containsExactly("c");
        }

        @Test
        void upgradeHeadsAndNamedRevisionReachTheSameTip() {
            assertThat(Planner.upgrade(graph, rows("a"), "heads").revisions()).containsExactly("b", "c");
            assertThat(Planner.upgrade(graph, rows("a"), "b").revisions()).containsExactly("b");
        }

        @Test
        void upgradeToSomethingAlreadyAppliedIsEmpty() {
            Plan plan = Planner.upgrade(graph, rows("c"), "b");

            assertThat(plan.isEmpty()).isTrue();
            assertThat(plan.rowsAfter()).isEqualTo(plan.rowsBefore()).containsExactly("c");
        }

        @Test
        void upgradeBaseIsEmpty() {
            assertThat(Planner.upgrade(graph, rows("a"), "base").isEmpty()).isTrue();
        }

        @Test
        void upgradePlusNStepsFromTheCurrentRowOrFromBase() {
            assertThat(Planner.upgrade(graph, rows(), "+1").revisions()).containsExactly("a");
            assertThat(Planner.upgrade(graph, rows("a"), "+2").revisions()).containsExactly("b", "c");
        }

        @Test
        void upgradeRelativeToANamedRevisionOrToHead() {
            assertThat(Planner.upgrade(graph, rows(), "a+1").revisions()).containsExactly("a", "b");
            assertThat(Planner.upgrade(graph, rows(), "c-1").revisions()).containsExactly("a", "b");
            assertThat(Planner.upgrade(graph, rows(), "head-2").revisions()).containsExactly("a");
            assertThat(Planner.upgrade(graph, rows(), "b@head").revisions()).containsExactly("a", "b", "c");
        }

        @Test
        void upgradePastTheHeadSaysHowManyStepsExist() {
            assertThatThrownBy(() -> Planner.upgrade(graph, rows("a"), "+5"))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("Relative revision +5 didn't produce 5 migrations: only 2 found before reaching head 'c'.");
        }

        @Test
        void upgradeMinusNIsRejectedAsBackward() {
            assertThatThrownBy(() -> Planner.upgrade(graph, rows("c"), "-1"))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("steps backward; use 'retort downgrade -1'");
        }

        @Test
        void upgradeAnUnknownRevisionSaysItCannotBeLocated() {
            assertThatThrownBy(() -> Planner.upgrade(graph, rows(), "zz"))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("Can't locate revision identified by 'zz'.")
                    .extracting(e -> ((TargetException) e).target()).isEqualTo("zz");
        }

        @Test
        void redundantRowsAreRepairedByTheFirstStep() {
            // 'a' is an ancestor of 'b', so it should not be a row; the first step removes it too.
            Plan plan = Planner.upgrade(graph, rows("a", "b"), "c");

            assertThat(changes(plan)).containsExactly("c -a -b +c");
            assertThat(plan.rowsBefore()).containsExactly("a", "b");
        }
    }

    @Nested
    class Downgrade {

        @Test
        void downgradeBaseRevertsEverythingNewestFirst() {
            Plan plan = Planner.downgrade(graph, rows("c"), "base");

            assertThat(changes(plan)).containsExactly("c -c +b", "b -b +a", "a -a");
            assertThat(plan.direction()).isEqualTo(Direction.DOWNGRADE);
            assertThat(plan.rowsAfter()).isEmpty();
        }

        @Test
        void downgradeToARevisionKeepsIt() {
            assertThat(changes(Planner.downgrade(graph, rows("c"), "a"))).containsExactly("c -c +b", "b -b +a");
        }

        @Test
        void downgradeMinusNStepsBackAndMinusOneFromTheFirstRevisionReachesBase() {
            assertThat(Planner.downgrade(graph, rows("c"), "-1").revisions()).containsExactly("c");
            assertThat(Planner.downgrade(graph, rows("c"), "-3").rowsAfter()).isEmpty();
            assertThat(Planner.downgrade(graph, rows("a"), "-1").revisions()).containsExactly("a");
        }

        @Test
        void downgradePastBaseSaysHowManyStepsExist() {
            assertThatThrownBy(() -> Planner.downgrade(graph, rows("c"), "-4"))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("Relative revision -4 didn't produce 4 migrations: only 3 found before reaching base.");
        }

        @Test
        void downgradeRelativeToHeadOrANamedRevision() {
            assertThat(Planner.downgrade(graph, rows("c"), "head-1").revisions()).containsExactly("c");
            assertThat(Planner.downgrade(graph, rows("c"), "c-2").revisions()).containsExactly("c", "b");
        }

        @Test
        void downgradeToTheCurrentRevisionIsEmpty() {
            assertThat(Planner.downgrade(graph, rows("c"), "head").isEmpty()).isTrue();
            assertThat(Planner.downgrade(graph, rows("b"), "b").isEmpty()).isTrue();
        }

        @Test
        void downgradeToARevisionNotAppliedNamesTheCurrentRows() {
            assertThatThrownBy(() -> Planner.downgrade(graph, rows("b"), "c"))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("Revision 'c' is not applied; current rows are b; nothing to downgrade.")
                    .extracting(e -> ((TargetException) e).candidates()).isEqualTo(List.of("b"));
        }

        @Test
        void downgradePlusNIsRejectedAsForward() {
            assertThatThrownBy(() -> Planner.downgrade(graph, rows("a"), "+1"))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("steps forward");
        }

        @Test
        void downgradeMinusNFromAnEmptyDatabaseHasNothingToStepFrom() {
            assertThatThrownBy(() -> Planner.downgrade(graph, rows(), "-1"))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("the database is at base");
        }
    }

    @Nested
    class Stamp {

        @Test
        void stampReplacesTheRowOnTheLine() {
            assertThat(Planner.stampRows(graph, rows("c"), "b")).containsExactly("b");
            assertThat(Planner.stampRows(graph, rows(), "b")).containsExactly("b");
        }

        @Test
        void stampKeywordsAndRelativeTargets() {
            assertThat(Planner.stampRows(graph, rows("a"), "heads")).containsExactly("c");
            assertThat(Planner.stampRows(graph, rows("c"), "base")).isEmpty();
            assertThat(Planner.stampRows(graph, rows("a"), "+1")).containsExactly("b");
            assertThat(Planner.stampRows(graph, rows("b"), "-1")).containsExactly("a");
            assertThat(Planner.stampRows(graph, rows("a"), "-1")).isEmpty();
        }
    }

    @Nested
    class History {

        @Test
        void openAndClosedRangesListNewestFirst() {
            assertThat(Planner.range(graph, rows(), "base:head")).containsExactly("c", "b", "a");
            assertThat(Planner.range(graph, rows(), ":b")).containsExactly("b", "a");
            assertThat(Planner.range(graph, rows(), "b:")).containsExactly("c", "b");
            assertThat(Planner.range(graph, rows(), "a:b")).containsExactly("b", "a");
            assertThat(Planner.range(graph, rows(), ":")).containsExactly("c", "b", "a");
        }

        @Test
        void currentAndRelativeRangesUseTheDatabaseRow() {
            assertThat(Planner.range(graph, rows("b"), "current")).containsExactly("b");
            assertThat(Planner.range(graph, rows("b"), "current:")).containsExactly("c", "b");
            assertThat(Planner.range(graph, rows("b"), ":current")).containsExactly("b", "a");
            assertThat(Planner.range(graph, rows("c"), "-1:")).containsExactly("c", "b");
        }

        @Test
        void aRangeWhoseStartIsAfterItsEndIsEmpty() {
            assertThat(Planner.range(graph, rows(), "c:a")).isEmpty();
            assertThat(Planner.range(graph, rows(), ":base")).isEmpty();
        }
    }

    @Nested
    class UnknownRows {

        private static final String MESSAGE = "The database is at revision 'x', which no migration file defines"
                + " (files seen: 3). Restore the missing file, or run 'retort stamp <revision> --purge' to declare"
                + " the database's real revision.";

        @Test
        void everyOperationRejectsARowNoFileDefines() {
            Set<String> stale = rows("b", "x");

            for (Runnable operation : List.<Runnable>of(
                    () -> Planner.upgrade(graph, stale, "head"),
                    () -> Planner.downgrade(graph, stale, "base"),
                    () -> Planner.stampRows(graph, stale, "head"),
                    () -> Planner.range(graph, stale, ":"))) {
                assertThatThrownBy(operation::run)
                        .isInstanceOf(RetortException.class)
                        .hasMessage(MESSAGE)
                        .extracting(e -> ((RetortException) e).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            }
        }
    }
    /** Realistic ids, to resolve prefixes: 1f0a -> 1f3b -> 9c2d -> 9c. */
    @Nested
    class Prefixes {

        private final RevisionGraph hex = graph(rev("1f0a"), rev("1f3b", "1f0a"), rev("9c2d", "1f3b"), rev("9c", "9c2d"));

        @Test
        void aUniquePrefixResolvesToItsRevision() {
            assertThat(Planner.upgrade(hex, rows(), "1f3").revisions()).containsExactly("1f0a", "1f3b");
            assertThat(Planner.downgrade(hex, rows("9c"), "1f0").revisions()).containsExactly("9c", "9c2d", "1f3b");
        }

        @Test
        void anExactIdWinsOverBeingAPrefixOfAnother() {
            assertThat(Planner.stampRows(hex, rows(), "9c")).containsExactly("9c");
        }

        @Test
        void anAmbiguousPrefixNamesEveryMatch() {
            assertThatThrownBy(() -> Planner.upgrade(hex, rows(), "1f"))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("Revision prefix '1f' is ambiguous; it matches 1f0a, 1f3b. Use more characters of the id.")
                    .extracting(e -> ((TargetException) e).candidates()).isEqualTo(List.of("1f0a", "1f3b"));
        }

        @Test
        void aPrefixCanAnchorRelativeAndHeadTargets() {
            assertThat(Planner.upgrade(hex, rows(), "1f0+1").revisions()).containsExactly("1f0a", "1f3b");
            assertThat(Planner.upgrade(hex, rows("1f0a"), "1f3@head").rowsAfter()).containsExactly("9c");
        }
    }
}
