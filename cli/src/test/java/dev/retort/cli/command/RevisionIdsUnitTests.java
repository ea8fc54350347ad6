package dev.retort.cli.command;

import dev.retort.RevisionInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionIdsUnitTests {

    private static RevisionInfo revision(String id) {
        return new RevisionInfo(id, List.of(), List.of(), Set.of(), List.of(), "", id + ".sql", true, "sha256:0");
    }

    @Test
    void theFirstRevisionIsNumberedOne() {
        assertThat(RevisionIds.next(List.of(), "Create users")).isEqualTo("001_create_users");
    }

    @Test
    void theNextNumberFollowsTheHighestAndKeepsItsWidth() {
        assertThat(RevisionIds.next(List.of(revision("0009_a"), revision("0010_b"), revision("audit")), "Add"))
                .isEqualTo("0011_add");
    }

    @Test
    void theSlugIsLowerCaseWordsJoinedByUnderscores() {
        assertThat(RevisionIds.slug("  Add `version` column (optimistic locking)! ")).isEqualTo(
                "add_version_column_optimistic_locking");
    }

    @Test
    void aLongSlugIsCutAtAWordBoundary() {
        assertThat(RevisionIds.slug("word ".repeat(20))).hasSizeLessThanOrEqualTo(48).endsWith("word");
    }

    @Test
    void aMessageWithoutLettersStillGivesAnId() {
        assertThat(RevisionIds.slug("!!!")).isEqualTo("revision");
    }
}
