package dev.retort;

import dev.retort.error.DirtyDatabaseException;
import dev.retort.error.MigrationExecutionException;
import dev.retort.error.MigrationFileException;
import dev.retort.test.MigrationFiles;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code transactional: false} revisions, the dirty mark, and how {@code stamp} clears it. */
class NonTransactionalIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    MigrationFiles files;

    @BeforeEach
    void itemsTable() {
        files = workspace.files()
                .revision("a1", null, "CREATE TABLE items (id int, name text);", "DROP TABLE items;");
    }

    Retort retort() {
        return workspace.retort();
    }

    @Test
    void createIndexConcurrentlyRunsInANonTransactionalRevision() {
        files.file("b2.sql", """
                -- revises: a1
                -- transactional: false

                -- +upgrade
                CREATE INDEX CONCURRENTLY items_name ON items (name);

                -- +downgrade
                DROP INDEX CONCURRENTLY items_name;
                """);

        retort().upgrade(Target.HEADS).blockLast(PATIENCE);

        assertThat(db.column("SELECT indexname::text FROM pg_indexes WHERE tablename = 'items'", String.class))
                .containsExactly("items_name");
        assertThat(db.column("SELECT success FROM retort_history WHERE revision = 'b2'", Boolean.class))
                .containsExactly(true);
        retort().downgrade(Target.parse("a1")).blockLast(PATIENCE);
        assertThat(db.column("SELECT indexname::text FROM pg_indexes WHERE tablename = 'items'", String.class)).isEmpty();
    }

    @Test
    void aConcurrentIndexInATransactionalFileIsRejectedBeforeAnythingRuns() {
        files.file("b2.sql", """
                -- revises: a1

                -- +upgrade
                ALTER TABLE items ADD COLUMN extra int;
                CREATE INDEX CONCURRENTLY items_name ON items (name);
                """);

        StepVerifier.create(retort().upgrade(Target.HEADS))
                .thenConsumeWhile(e -> true)
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(MigrationFileException.class)
                        .hasMessageContaining("b2.sql:5")
                        .hasMessageContaining("CREATE INDEX CONCURRENTLY")
                        .hasMessageContaining("transactional: false"));
        assertThat(db.column("SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'",
                String.class)).isEmpty();
    }

    @Test
    void aFailureMidwayMarksTheDatabaseDirtyUntilStamped() {
        files.file("b2.sql", """
                -- revises: a1
                -- transactional: false

                -- +upgrade
                CREATE INDEX CONCURRENTLY items_name ON items (name);
                CREATE INDEX CONCURRENTLY items_bad ON items (no_such_column);
                """);

        StepVerifier.create(retort().upgrade(Target.HEADS))
                .thenConsumeWhile(e -> true)
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(MigrationExecutionException.class)
                        .hasMessageContaining("b2.sql:6").hasMessageContaining("dirty"));
        assertThat(db.column("SELECT success FROM retort_history WHERE revision = 'b2'", Boolean.class))
                .containsExactly(false);
        assertThat(retort().validate().block(PATIENCE).problems()).extracting(ValidationReport.Problem::kind)
                .containsExactly(ValidationReport.Kind.DIRTY);
        Status dirty = retort().status().block(PATIENCE);
        assertThat(dirty.dirty()).contains(new Status.Dirty("b2", Operation.UPGRADE));
        assertThat(dirty.current()).containsExactly("a1");
        assertThat(dirty.pending()).containsExactly("b2");

        StepVerifier.create(retort().upgrade(Target.HEADS))
                .thenConsumeWhile(e -> true)
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(DirtyDatabaseException.class)
                        .hasMessageContaining("b2").hasMessageContaining("stamp"));

        // The operator finished the revision by hand and records it.
        db.execute("DROP INDEX items_name");
        db.execute("CREATE INDEX items_name ON items (name)");
        retort().stamp(Target.parse("b2")).blockLast(PATIENCE);

        assertThat(retort().current().block(PATIENCE)).containsExactly("b2");
        assertThat(retort().validate().block(PATIENCE).isUpToDate()).isTrue();
        assertThat(retort().status().block(PATIENCE)).satisfies(clean -> {
            assertThat(clean.isDirty()).isFalse();
            assertThat(clean.needsUpgrade()).isFalse();
            assertThat(clean.heads()).containsExactly("b2");
        });
    }
}
