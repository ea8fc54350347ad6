package dev.retort.cli;

import dev.retort.test.database.PostgresDatabase;
import dev.retort.test.Psql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stamp}: adopting a production database whose schema was created before Retort (the seed
 * documents' "existing production database"), and repairing the version table.
 */
class StampIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final ExampleProject project = ExampleProject.on(db);

    @BeforeEach
    void schemaCreatedByHand() throws Exception {
        Psql.apply(db, Examples.schemaByHand());
    }

    @Test
    void stampHeadAdoptsTheDatabaseAndThenUpgradeHeadIsANoOp() {
        List<String> schemaByHand = DatabaseReadings.of(db);

        assertThatRun(project.run("stamp", "head")).succeeded().printed("Stamped: the database is at " + Examples.HEAD);
        assertThatRun(project.run("upgrade", "head")).succeeded().printed("Nothing to upgrade");

        assertThat(DatabaseReadings.versions(db)).containsExactly(Examples.HEAD);
        assertThat(DatabaseReadings.history(db)).containsExactly(Examples.HEAD + " stamp true");
        assertThat(DatabaseReadings.of(db)).isEqualTo(schemaByHand);
        assertThatRun(project.run("check")).succeeded();
    }

    @Test
    void stampToAnOlderRevisionLetsUpgradeApplyTheRest() {
        db.execute("ALTER TABLE candidates DROP COLUMN rejection_reason");

        assertThatRun(project.run("stamp", "001_add_version_column")).succeeded();
        assertThatRun(project.run("upgrade")).succeeded().printed("upgrade " + Examples.HEAD);

        assertThat(DatabaseReadings.versions(db)).containsExactly(Examples.HEAD);
    }

    @Test
    void purgeReplacesRowsNoFileDefines() {
        assertThatRun(project.run("-q", "stamp", "head")).succeeded();
        db.execute("INSERT INTO retort_version VALUES ('deleted_revision')");

        assertThatRun(project.run("stamp", "--purge", "head")).succeeded();

        assertThat(DatabaseReadings.versions(db)).containsExactly(Examples.HEAD);
    }
}
