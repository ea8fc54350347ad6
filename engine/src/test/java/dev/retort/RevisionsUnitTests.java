package dev.retort;

import dev.retort.error.TargetException;
import dev.retort.test.MigrationFiles;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file-only view of the graph: no connection is ever opened (the URL points nowhere). */
class RevisionsUnitTests {

    @TempDir
    Path directory;

    Revisions revisions;

    @BeforeEach
    void branchAndMerge() {
        new MigrationFiles(directory)
                .revision("a1", null, "SELECT 1;", null)
                .revision("b2", "a1", "SELECT 1;", null)
                .revision("c3", "a1", "SELECT 1;", null)
                .revision("d4", "b2, c3", "SELECT 1;", null)
                .revision("e5", "d4", "SELECT 1;", null);
        revisions = Retort.builder(ConnectionFactories.get("r2dbc:postgresql://nobody@127.0.0.1:1/none"))
                .migrations(MigrationSources.directory(directory)).build().revisions().block(PATIENCE);
    }

    @Test
    void listsParentsBeforeChildren() {
        assertThat(revisions.all()).extracting(RevisionInfo::id).containsExactly("a1", "b2", "c3", "d4", "e5");
    }

    @Test
    void knowsHeadsBasesBranchPointsAndMerges() {
        assertThat(revisions.heads()).containsExactly("e5");
        assertThat(revisions.bases()).containsExactly("a1");
        assertThat(revisions.branchPoints()).extracting(RevisionInfo::id).containsExactly("a1");
        assertThat(revisions.get("d4")).hasValueSatisfying(d -> {
            assertThat(d.isMergePoint()).isTrue();
            assertThat(d.parents()).containsExactly("b2", "c3");
            assertThat(d.message()).isEqualTo("revision d4");
            assertThat(d.file()).endsWith("d4.sql");
        });
    }

    @Test
    void resolvesHistoryRangesNewestFirst() {
        assertThat(revisions.range("d4:head", Set.of())).extracting(RevisionInfo::id).containsExactly("e5", "d4");
        assertThat(revisions.range("current:", Set.of("d4"))).extracting(RevisionInfo::id)
                .containsExactly("e5", "d4");
    }

    @Test
    void anUnknownRevisionInARangeIsATargetError() {
        assertThatThrownBy(() -> revisions.range("zz:head", Set.of())).isInstanceOf(TargetException.class)
                .hasMessageContaining("zz");
    }
}
