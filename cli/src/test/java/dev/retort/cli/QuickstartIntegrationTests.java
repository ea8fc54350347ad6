package dev.retort.cli;

import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quickstart against the repository's example migrations, through the launcher
 * script: {@code upgrade head}, {@code current}, {@code history}.
 */
class QuickstartIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    static Path workingDirectory;

    private static RetortCli retort;
    private static RetortCli.Run upgrade;

    @BeforeAll
    static void upgradeToHead() {
        Examples.copyTo(workingDirectory);
        retort = new RetortCli(workingDirectory).env("RETORT_URL", db.url());
        upgrade = retort.runLauncher("upgrade", "head");
    }

    @Test
    void upgradePrintsOneLinePerRevisionWithItsDuration() {
        assertThatRun(upgrade).succeeded();
        assertThat(upgrade.stdout())
                .containsPattern(appliedLine("000_initial_schema", "Create candidates table with constraints.*"))
                .containsPattern(appliedLine("001_add_version_column", "Add version column for optimistic locking"))
                .containsPattern(appliedLine(Examples.HEAD, "Add rejection reason for the audit trail"))
                .contains("Done: 3 revisions in");
    }

    private static String appliedLine(String revision, String message) {
        return "(?m)^  upgrade " + revision + "  " + message + " \\((\\d+ ms|[\\d.]+ s)\\)$";
    }

    @Test
    void upgradeCreatesTheExampleSchemaAndRecordsTheHead() {
        assertThat(DatabaseReadings.versions(db)).containsExactly(Examples.HEAD);
        assertThat(db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'candidates'",
                String.class)).contains("company_name", "version", "rejection_reason");
    }

    @Test
    void currentShowsTheHead() {
        assertThatRun(retort.runLauncher("current")).succeeded().printed(Examples.HEAD + " (head)\n");
    }

    @Test
    void historyListsTheRevisionsNewestFirstAndMarksTheCurrentOneWhenAsked() {
        RetortCli.Run history = retort.runLauncher("history", "--indicate-current");

        assertThatRun(history).succeeded();
        assertThat(history.stdout().lines()).containsExactly(
                "001_add_version_column -> 002_add_rejection_reason (head) (current), Add rejection reason for the audit trail",
                "000_initial_schema -> 001_add_version_column, Add version column for optimistic locking",
                "<base> -> 000_initial_schema, Create candidates table with constraints, indexes and the updated_at trigger");
    }

    @Test
    void aSecondUpgradeHasNothingToDo() {
        assertThatRun(retort.runLauncher("upgrade", "head")).succeeded()
                .printed("Nothing to upgrade: the database is at " + Examples.HEAD + ".");
    }
}
