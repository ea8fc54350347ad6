package dev.retort.cli;

import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code downgrade}, each test from the examples applied to an empty schema. */
class DowngradeIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final ExampleProject project = ExampleProject.on(db);

    @BeforeEach
    void upgradeToHead() {
        assertThatRun(project.run("-q", "upgrade")).succeeded();
    }

    @Test
    void minusOneRevertsTheLastRevision() {
        assertThatRun(project.run("downgrade", "-1")).succeeded()
                .printed("  downgrade 002_add_rejection_reason  Add rejection reason for the audit trail (");

        assertThat(DatabaseReadings.versions(db)).containsExactly("001_add_version_column");
        assertThat(DatabaseReadings.candidateColumns(db)).doesNotContain("rejection_reason");
    }

    @Test
    void baseRevertsEverything() {
        assertThatRun(project.run("downgrade", "base")).succeeded().printed("the database is at base.");

        assertThat(DatabaseReadings.versions(db)).isEmpty();
        assertThat(db.scalar("SELECT to_regclass('candidates') IS NULL")).isEqualTo(true);
        assertThat(DatabaseReadings.history(db)).endsWith("002_add_rejection_reason downgrade true",
                "001_add_version_column downgrade true", "000_initial_schema downgrade true");
    }

    @Test
    void aRevisionWhoseFileChangedAfterItWasAppliedIsNamedBeforeItsDowngradeRuns() {
        assertThat(project.run("downgrade", "-1").stderr()).as("no warning for unedited files").isEmpty();
        assertThatRun(project.run("-q", "upgrade")).succeeded();
        Examples.rewrite(project.migrations().resolve(Examples.HEAD + ".sql"), "DROP COLUMN rejection_reason;",
                "DROP COLUMN IF EXISTS rejection_reason;");

        assertThatRun(project.run("downgrade", "-1")).succeeded().complained("warning: the file of "
                + Examples.HEAD + " changed after it was applied: its downgrade runs as the file is now");
        assertThat(DatabaseReadings.candidateColumns(db)).doesNotContain("rejection_reason");
    }

    @Test
    void withoutATargetIsAUsageError() {
        assertThatRun(project.run("downgrade")).exitedWith(2).complained("TARGET");
    }
}
