package dev.retort;

import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Retort#status()}: the database against the files in one read. */
class StatusIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void anUntouchedDatabaseIsAtBaseWithEveryRevisionPendingAndCreatesNothing() {
        workspace.files().revision("a1", null, "CREATE TABLE a (id int);", null)
                .revision("b2", "a1", "CREATE TABLE b (id int);", null);

        Status status = workspace.retort().status().block(PATIENCE);

        assertThat(status.current()).isEmpty();
        assertThat(status.heads()).containsExactly("b2");
        assertThat(status.pending()).containsExactly("a1", "b2");
        assertThat(status.needsUpgrade()).isTrue();
        assertThat(status.isDirty()).isFalse();
        assertThat(workspace.tables()).as("reading status creates nothing").isEmpty();
    }

    @Test
    void aPartlyMigratedDatabaseListsWhatIsLeftInOrder() {
        workspace.files().revision("a1", null, "CREATE TABLE a (id int);", null)
                .revision("b2", "a1", "CREATE TABLE b (id int);", null)
                .revision("c3", "b2", "CREATE TABLE c (id int);", null);
        workspace.retort().upgrade(Target.parse("a1")).blockLast(PATIENCE);

        Status status = workspace.retort().status().block(PATIENCE);

        assertThat(status.current()).containsExactly("a1");
        assertThat(status.pending()).containsExactly("b2", "c3");
        assertThat(status.unknown()).isEmpty();
    }

    @Test
    void aVersionRowNoFileDefinesIsUnknownAndNothingIsPlanned() {
        workspace.files().revision("a1", null, "CREATE TABLE a (id int);", null);
        workspace.retort().upgrade(Target.HEADS).blockLast(PATIENCE);
        db.execute("UPDATE retort_version SET revision = 'gone'");

        Status status = workspace.retort().status().block(PATIENCE);

        assertThat(status.current()).containsExactly("gone");
        assertThat(status.unknown()).containsExactly("gone");
        assertThat(status.pending()).isEmpty();
    }
}
