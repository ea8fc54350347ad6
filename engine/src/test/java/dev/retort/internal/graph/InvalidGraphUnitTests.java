package dev.retort.internal.graph;

import static dev.retort.internal.graph.Graphs.dependent;
import static dev.retort.internal.graph.Graphs.labelled;
import static dev.retort.internal.graph.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retort.error.ErrorCode;
import dev.retort.error.RevisionGraphException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Graphs that {@link RevisionGraph#of} must reject, listing every problem at once. */
class InvalidGraphUnitTests {

    private static List<String> problems(Revision... revisions) {
        return problems(List.of(revisions));
    }

    private static List<String> problems(List<Revision> revisions) {
        RevisionGraphException thrown =
                catchThrowableOfType(RevisionGraphException.class, () -> RevisionGraph.of(revisions));
        assertThat(thrown).as("RevisionGraphException").isNotNull();
        assertThat(thrown.code()).isEqualTo(ErrorCode.INVALID_MIGRATIONS);
        return thrown.problems();
    }

    @Nested
    class Cycles {

        @Test
        void aSelfParentIsACycleOfOne() {
            assertThat(problems(rev("a", "a"))).singleElement().asString()
                    .startsWith("Revisions form a cycle: a -> a (a.sql);");
        }

        @Test
        void aThreeRevisionCycleIsNamedInUpgradeOrderFromItsSmallestId() {
            assertThat(problems(rev("b", "a"), rev("c", "b"), rev("a", "c"))).containsExactly(
                    "Revisions form a cycle: a -> b -> c -> a (a.sql, b.sql, c.sql); each arrow points to a revision"
                            + " that lists the previous one as a parent or dependency. Remove one of these links.");
        }

        @Test
        void aCycleCarriesItsRevisionsInOrderAsData() {
            RevisionGraphException thrown = catchThrowableOfType(RevisionGraphException.class,
                    () -> RevisionGraph.of(List.of(rev("b", "a"), rev("c", "b"), rev("a", "c"))));

            assertThat(thrown.details()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(RevisionGraphException.Kind.CYCLE);
                assertThat(problem.revisions()).containsExactly("a", "b", "c");
            });
        }

        @Test
        void anUnknownParentNamesTheRevisionAndTheReference() {
            RevisionGraphException thrown = catchThrowableOfType(RevisionGraphException.class,
                    () -> RevisionGraph.of(List.of(rev("a"), rev("b", "ghost"))));

            assertThat(thrown.details()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(RevisionGraphException.Kind.UNKNOWN_REFERENCE);
                assertThat(problem.revisions()).containsExactly("b", "ghost");
            });
        }

        @Test
        void aCycleThroughADependencyIsFoundAndReportedOnce() {
            assertThat(problems(dependent("a", "root", "b"), rev("b", "a"), rev("root"), rev("tail", "b")))
                    .filteredOn(problem -> problem.startsWith("Revisions form a cycle"))
                    .singleElement().asString().contains("a -> b -> a (a.sql, b.sql)");
        }

        @Test
        void aTenThousandRevisionCycleIsFoundWithoutOverflowingTheStackAndAbbreviated() {
            List<Revision> ring = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                ring.add(rev(String.format("r%05d", i), String.format("r%05d", (i + 9_999) % 10_000)));
            }

            assertThat(problems(ring)).singleElement().asString()
                    .startsWith("Revisions form a cycle: r00000 -> r00001 -> r00002")
                    .contains("r00009 -> ... (9990 more) -> r00000 (r00000.sql, ");
        }
    }

    @Nested
    class Identity {

        @Test
        void aDuplicateIdNamesBothFiles() {
            Revision first = new Revision("a", List.of(), List.of(), Set.of(), "1_first.sql");
            Revision second = new Revision("a", List.of(), List.of(), Set.of(), "2_second.sql");

            assertThat(problems(first, second)).containsExactly(
                    "Revision id 'a' is defined by more than one file: 1_first.sql, 2_second.sql. Give each migration"
                            + " its own id.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a@b", "a-b", "a+b", "a:b", "a b", "a/b", "ä"})
        void anIdWithAForbiddenCharacterSaysWhichCharacter(String id) {
            String forbidden = id.replaceAll("[A-Za-z0-9_.]", "");

            assertThat(problems(rev(id))).singleElement().asString()
                    .contains("Revision id '" + id + "' in " + id + ".sql contains characters that are not allowed: '"
                            + forbidden + "'");
        }

        @Test
        void everyForbiddenCharacterIsListedOnce() {
            assertThat(problems(rev("a@b@c-d"))).singleElement().asString().contains("not allowed: '-', '@'.");
        }

        @Test
        void emptyAndReservedIdsAreRejected() {
            assertThat(problems(rev(""), rev("head"))).satisfiesExactly(
                    empty -> assertThat(empty).startsWith("Revision id in .sql is empty"),
                    reserved -> assertThat(reserved).contains("'head' in head.sql is a reserved word"));
        }
    }

    @Nested
    class References {

        @Test
        void anUnknownParentOrDependencyNamesTheRevisionAndFile() {
            assertThat(problems(rev("a"), rev("b", "x"), dependent("c", "a", "y"))).containsExactly(
                    "Revision 'b' (b.sql) names parent 'x', which no migration file defines.",
                    "Revision 'c' (c.sql) depends on 'y', which no migration file defines.");
        }

        @Test
        void aParentListedTwiceIsReported() {
            assertThat(problems(rev("a"), rev("b", "a", "a")))
                    .containsExactly("Revision 'b' (b.sql) names parent 'a' more than once; list it once.");
        }
    }

    @Nested
    class Labels {

        @Test
        void aLabelUsedTwiceNamesBothRevisions() {
            assertThat(problems(labelled("x", "a"), labelled("x", "b", "a"))).containsExactly(
                    "Branch label 'x' is used by both revision 'a' (a.sql) and revision 'b' (b.sql); a label must name"
                            + " one branch.");
        }

        @Test
        void aLabelEqualToARevisionIdIsRejected() {
            assertThat(problems(rev("a"), labelled("a", "b", "a"))).singleElement().asString()
                    .startsWith("Branch label 'a' on revision 'b' (b.sql) is also the id of revision 'a' (a.sql)");
        }

        @Test
        void aLabelWithAForbiddenCharacterIsRejected() {
            assertThat(problems(labelled("my-branch", "a"))).singleElement().asString()
                    .contains("Branch label 'my-branch' in a.sql contains characters that are not allowed: '-'");
        }
    }

    @Test
    void everyProblemIsListedTogetherInTheMessage() {
        RevisionGraphException thrown = catchThrowableOfType(RevisionGraphException.class,
                () -> RevisionGraph.of(List.of(rev("a", "a"), rev("b", "missing"), rev("c@"), labelled("b", "d"))));

        assertThat(thrown.problems()).hasSize(4);
        assertThat(thrown).hasMessageStartingWith("Invalid revision graph:")
                .hasMessageContaining("'c@' in c@.sql contains characters")
                .hasMessageContaining("parent 'missing'")
                .hasMessageContaining("Branch label 'b' on revision 'd'")
                .hasMessageContaining("cycle: a -> a");
    }
}
