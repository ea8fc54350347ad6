package dev.retort.cli;

import dev.retort.test.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stamp}: adopting a production database whose schema was created before Retort (the seed
 * documents' "existing production database"), and repairing the version table.
 */
class StampIT {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path workingDirectory;

    private RetortCli retort;

    @BeforeEach
    void schemaCreatedByHand() throws Exception {
        retort = Workspace.withExamples(db, workingDirectory).retort();
        Psql.apply(db, Examples.schemaByHand());
    }

    @Test
    void stampHeadAdoptsTheDatabaseAndThenUpgradeHeadIsANoOp() {
        List<String> schemaByHand = SchemaSnapshot.of(db);

        assertThatRun(retort.run("stamp", "head")).succeeded().printed("Stamped: the database is at " + Examples.HEAD);
        assertThatRun(retort.run("upgrade", "head")).succeeded().printed("Nothing to upgrade");

        assertThat(SchemaSnapshot.versions(db)).containsExactly(Examples.HEAD);
        assertThat(SchemaSnapshot.history(db)).containsExactly(Examples.HEAD + " stamp true");
        assertThat(SchemaSnapshot.of(db)).isEqualTo(schemaByHand);
        assertThatRun(retort.run("check")).succeeded();
    }

    @Test
    void stampToAnOlderRevisionLetsUpgradeApplyTheRest() {
        db.execute("ALTER TABLE candidates DROP COLUMN rejection_reason");

        assertThatRun(retort.run("stamp", "001_add_version_column")).succeeded();
        assertThatRun(retort.run("upgrade")).succeeded().printed("upgrade " + Examples.HEAD);

        assertThat(SchemaSnapshot.versions(db)).containsExactly(Examples.HEAD);
    }

    @Test
    void purgeReplacesRowsNoFileDefines() {
        assertThatRun(retort.run("-q", "stamp", "head")).succeeded();
        db.execute("INSERT INTO retort_version VALUES ('deleted_revision')");

        assertThatRun(retort.run("stamp", "--purge", "head")).succeeded();

        assertThat(SchemaSnapshot.versions(db)).containsExactly(Examples.HEAD);
    }
}
