package dev.retort;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.error.RevisionGraphException;
import dev.retort.test.MigrationFiles;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Invalid files are rejected before anything touches the database. */
class InvalidMigrationsIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    MigrationFiles files;

    @BeforeEach
    void oneValidRevision() {
        files = workspace.files().revision("a1", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
    }

    void upgradeFailsAndChangesNothing(Consumer<Throwable> expectation) {
        StepVerifier.create(workspace.retort().upgrade(Target.HEADS))
                .thenConsumeWhile(event -> true)
                .verifyErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(RetortException.class);
                    assertThat(((RetortException) error).code()).isEqualTo(ErrorCode.INVALID_MIGRATIONS);
                    expectation.accept(error);
                });
        assertThat(workspace.tables()).isEmpty();
    }

    @Test
    void aCycleIsRejectedNamingItsRevisions() {
        files.revision("b2", "c3", "SELECT 1;", null).revision("c3", "b2", "SELECT 1;", null);

        upgradeFailsAndChangesNothing(error -> assertThat(error).isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("cycle").hasMessageContaining("b2").hasMessageContaining("c3"));
    }

    @Test
    void aDuplicateRevisionIdIsRejectedNamingBothFiles() {
        files.file("other.sql", "-- revision: a1\n\n-- +upgrade\nSELECT 1;\n");

        upgradeFailsAndChangesNothing(error -> assertThat(error)
                .hasMessageContaining("a1.sql").hasMessageContaining("other.sql"));
    }

    @Test
    void anUnknownParentIsRejectedNamingTheFile() {
        files.revision("b2", "nowhere", "SELECT 1;", null);

        upgradeFailsAndChangesNothing(error -> assertThat(error)
                .hasMessageContaining("nowhere").hasMessageContaining("b2.sql"));
    }

    @Test
    void anUnterminatedDollarQuoteIsRejectedWithTheLineItOpensOn() {
        files.file("b2.sql", "-- revises: a1\n\n-- +upgrade\nCREATE TABLE t2 (id int);\nDO $$ BEGIN\nPERFORM 1;\n");

        upgradeFailsAndChangesNothing(error -> assertThat(error).hasMessageContaining("b2.sql:5"));
    }

    @Test
    void anUnknownHeaderKeyIsRejectedNamingTheKeyAndLine() {
        files.file("b2.sql", "-- revises: a1\n-- revisess: a1\n\n-- +upgrade\nSELECT 1;\n");

        upgradeFailsAndChangesNothing(error -> assertThat(error).hasMessageContaining("b2.sql:2")
                .hasMessageContaining("revisess"));
    }

    @Test
    void aFileWithoutUpgradeSectionIsRejected() {
        files.file("b2.sql", "-- revises: a1\n\nSELECT 1;\n");

        upgradeFailsAndChangesNothing(error -> assertThat(error).hasMessageContaining("b2.sql"));
    }

    @Test
    void invalidUtf8IsRejected() throws Exception {
        java.nio.file.Files.write(workspace.directory().resolve("b2.sql"),
                new byte[] {'-', '-', ' ', '+', 'u', 'p', 'g', 'r', 'a', 'd', 'e', '\n', (byte) 0xC3, (byte) 0x28});

        upgradeFailsAndChangesNothing(error -> assertThat(error).hasMessageContaining("b2.sql")
                .hasMessageContaining("UTF-8"));
    }
}
