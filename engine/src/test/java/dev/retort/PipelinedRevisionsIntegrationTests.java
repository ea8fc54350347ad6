package dev.retort;

import dev.retort.error.MigrationExecutionException;
import dev.retort.error.RetortException;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RevisionApplied;
import dev.retort.event.RevisionStarted;
import dev.retort.event.StatementExecuted;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A revision is sent while the one before it still runs on the server. Whatever makes the earlier
 * one fail, the one sent behind it must leave nothing, and the failure reported is the earlier
 * one's.
 */
class PipelinedRevisionsIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    /** A foreign key checked only at the {@code COMMIT}: inserting an orphan fails there. */
    private static final String DEFERRED_FOREIGN_KEY = "CREATE TABLE parent (id int PRIMARY KEY);\n"
            + "CREATE TABLE child (parent_id int REFERENCES parent DEFERRABLE INITIALLY DEFERRED);";

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    private Throwable failedUpgrade() {
        return catchThrowable(() -> workspace.retort().upgrade(Target.HEADS).blockLast(PATIENCE));
    }

    private List<String> history() {
        return db.column("SELECT revision::text || ' ' || operation FROM retort_history ORDER BY id", String.class);
    }

    @Test
    void aFailingStatementStopsTheRevisionSentBehindIt() {
        workspace.files()
                .revision("r1", null, "CREATE TABLE one (id int);", null)
                .revision("r2", "r1", "CREATE TABLE two (id int);\nSELECT pg_sleep(0.5);\nSELECT 1/0;", null)
                .revision("r3", "r2", "CREATE TABLE three (id int);", null);

        Throwable failure = failedUpgrade();

        assertThat(failure).isInstanceOf(MigrationExecutionException.class);
        MigrationExecutionException failed = (MigrationExecutionException) failure;
        assertThat(failed.revision()).isEqualTo("r2");
        assertThat(failed.statement()).isEqualTo("SELECT 1/0");
        assertThat(workspace.tables()).contains("one").doesNotContain("two", "three");
        assertThat(workspace.retort().current().block(PATIENCE)).containsExactly("r1");
        assertThat(history()).containsExactly("r1 upgrade");
    }

    /**
     * A deferred constraint fails at the {@code COMMIT}, which ends the transaction: the server would
     * run the revision sent behind it in a transaction of its own, so that one must check first
     * that the revision before it committed. Here r3 needs r2 but revises r1, so its own
     * bookkeeping replaces no row and could not notice.
     */
    @Test
    void aFailedCommitStopsTheRevisionSentBehindIt() {
        workspace.files()
                .revision("r1", null, DEFERRED_FOREIGN_KEY, null)
                .revision("r2", "r1", "INSERT INTO child VALUES (42);\nSELECT pg_sleep(0.5);", null)
                .file("r3.sql", "-- revision: r3\n-- revises: r1\n-- depends-on: r2\n\n-- +upgrade\n"
                        + "CREATE TABLE three (id int);\n");

        Throwable failure = failedUpgrade();

        assertThat(failure).isInstanceOf(RetortException.class).hasMessageContaining("Revision r2")
                .hasMessageContaining("failed while COMMIT").hasMessageContaining("foreign key");
        assertThat(workspace.tables()).doesNotContain("three");
        assertThat(db.column("SELECT count(*) FROM child", Long.class)).containsExactly(0L);
        assertThat(workspace.retort().current().block(PATIENCE)).containsExactly("r1");
        assertThat(history()).containsExactly("r1 upgrade");
    }

    /** The same for downgrades, whose check is that the row of the revision before is gone. */
    @Test
    void aFailedDowngradeCommitStopsTheDowngradeSentBehindIt() {
        workspace.files()
                .revision("r1", null, DEFERRED_FOREIGN_KEY, "DROP TABLE child;\nDROP TABLE parent;")
                .revision("r2", "r1", "CREATE TABLE two (id int);", "INSERT INTO child VALUES (42);\nDROP TABLE two;")
                .revision("r3", "r2", "CREATE TABLE three (id int);", "DROP TABLE three;");
        workspace.retort().upgrade(Target.HEADS).blockLast(PATIENCE);

        Throwable failure = catchThrowable(() -> workspace.retort().downgrade(Target.BASE).blockLast(PATIENCE));

        assertThat(failure).isInstanceOf(RetortException.class).hasMessageContaining("Revision r2")
                .hasMessageContaining("failed while COMMIT");
        assertThat(workspace.tables()).contains("parent", "child", "two").doesNotContain("three");
        assertThat(workspace.retort().current().block(PATIENCE)).containsExactly("r2");
        assertThat(history()).containsExactly("r1 upgrade", "r2 upgrade", "r3 upgrade", "r3 downgrade");
    }

    @Test
    void revisionsSentAheadAreReportedInOrderWithTheirStatements() {
        workspace.files()
                .revision("r1", null, "CREATE TABLE one (id int);\nINSERT INTO one VALUES (1), (2);", null)
                .revision("r2", "r1", "CREATE TABLE two (id int);", null)
                .revision("r3", "r2", "INSERT INTO one VALUES (3);\nCREATE TABLE three (id int);", null);

        List<MigrationEvent> events = workspace.retort().upgrade(Target.HEADS)
                .filter(e -> e instanceof RevisionStarted || e instanceof StatementExecuted || e instanceof RevisionApplied)
                .collectList().block(PATIENCE);

        assertThat(events).extracting(PipelinedRevisionsIntegrationTests::describe).containsExactly(
                "started r1", "r1 line 5: 0 rows", "r1 line 6: 2 rows", "applied r1",
                "started r2", "r2 line 6: 0 rows", "applied r2",
                "started r3", "r3 line 6: 1 rows", "r3 line 7: 0 rows", "applied r3");
        assertThat(history()).containsExactly("r1 upgrade", "r2 upgrade", "r3 upgrade");
    }

    private static String describe(MigrationEvent event) {
        if (event instanceof RevisionStarted started) {
            return "started " + started.revision();
        }
        if (event instanceof StatementExecuted executed) {
            return executed.revision() + " line " + executed.line() + ": " + executed.rowsUpdated() + " rows";
        }
        return "applied " + ((RevisionApplied) event).revision();
    }
}
