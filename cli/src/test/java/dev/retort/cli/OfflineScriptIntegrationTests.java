package dev.retort.cli;

import dev.retort.test.database.PostgresDatabase;
import dev.retort.test.Psql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --sql}: the printed script, applied with {@code psql -v ON_ERROR_STOP=1 -f}, must leave
 * exactly the schema and version rows that running the command does. Each comparison runs the
 * command online, snapshots, empties the database, applies the script, and snapshots again.
 */
class OfflineScriptIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final ExampleProject project = ExampleProject.on(db);

    /** Runs the CLI against an unreachable server: the command must not try to connect. */
    private RetortCli.Run offline(String... args) {
        return new RetortCli(project.directory()).env("RETORT_URL", ExampleProject.UNREACHABLE_URL).run(args);
    }

    @Test
    void aRangeScriptIsCompleteAndNeedsNoDatabase() {
        RetortCli.Run script = offline("upgrade", "base:head", "--sql");

        assertThatRun(script).succeeded().neverShowed("unused-secret");
        assertThat(script.stdout())
                .contains("CREATE TABLE IF NOT EXISTS \"public\".\"retort_version\"")
                .contains("-- upgrade 000_initial_schema: Create candidates table")
                .contains("CREATE TABLE candidates (")
                .contains("$$ LANGUAGE plpgsql;")
                .contains("INSERT INTO \"public\".\"retort_history\"")
                .containsPattern("(?s)BEGIN;.*COMMIT;");
    }

    @Test
    void anAppliedUpgradeScriptLeavesWhatTheUpgradeDoes() throws Exception {
        assertThatRun(project.run("-q", "upgrade", "head")).succeeded();
        ObservedDatabase ranOnline = ObservedDatabase.of(db);

        db.reset();
        applyScript(offline("upgrade", "base:head", "--sql"));

        assertThat(ObservedDatabase.of(db)).isEqualTo(ranOnline);
        assertThat(ranOnline.versions()).containsExactly(Examples.HEAD);
    }

    @Test
    void anAppliedDowngradeScriptLeavesWhatTheDowngradeDoes() throws Exception {
        assertThatRun(project.run("-q", "upgrade", "head")).succeeded();
        assertThatRun(project.run("-q", "downgrade", "000_initial_schema")).succeeded();
        ObservedDatabase ranOnline = ObservedDatabase.of(db);

        db.reset();
        assertThatRun(project.run("-q", "upgrade", "head")).succeeded();
        applyScript(offline("downgrade", Examples.HEAD + ":000_initial_schema", "--sql"));

        assertThat(ObservedDatabase.of(db)).isEqualTo(ranOnline);
        assertThat(ranOnline.versions()).containsExactly("000_initial_schema");
    }

    @Test
    void anAppliedStampScriptLeavesWhatTheStampDoes() throws Exception {
        assertThatRun(project.run("-q", "stamp", "head")).succeeded();
        ObservedDatabase ranOnline = ObservedDatabase.of(db);

        db.reset();
        applyScript(offline("stamp", "base:head", "--sql"));

        assertThat(ObservedDatabase.of(db)).isEqualTo(ranOnline);
        assertThat(ranOnline.history()).containsExactly(Examples.HEAD + " stamp true");
    }

    @Test
    void withoutARangeTheScriptStartsFromTheDatabasesCurrentRevision() {
        assertThatRun(project.run("-q", "upgrade", "001_add_version_column")).succeeded();

        RetortCli.Run script = project.run("upgrade", "heads", "--sql");

        assertThatRun(script).succeeded().printed("-- upgrade " + Examples.HEAD);
        assertThat(script.stdout()).doesNotContain("CREATE TABLE candidates").doesNotContain("-- upgrade 001");
    }

    @Test
    void aRangeWithoutSqlIsAUsageError() {
        assertThatRun(offline("upgrade", "base:head")).exitedWith(2).complained("--sql");
    }

    @Test
    void aPurgeScriptNeedsNoDatabaseAndReplacesRowsNoFileDefines() throws Exception {
        assertThatRun(project.run("-q", "stamp", "head")).succeeded();
        db.execute("INSERT INTO retort_version VALUES ('deleted_revision')");

        applyScript(offline("stamp", "--purge", "--sql", "head"));

        assertThat(DatabaseReadings.versions(db)).containsExactly(Examples.HEAD);
    }

    @Test
    void aPurgeScriptTakesATargetNotARange() {
        assertThatRun(offline("stamp", "base:head", "--sql", "--purge")).exitedWith(2).complained("--purge");
    }

    @Test
    void aScriptAppliedToADatabaseAtAnotherRevisionStopsBeforeChangingAnything() throws Exception {
        Path script = scriptFile(offline("upgrade", "001_add_version_column:head", "--sql"));
        assertThatRun(project.run("-q", "upgrade", "000_initial_schema")).succeeded();
        ObservedDatabase before = ObservedDatabase.of(db);

        Psql.Result result = Psql.run(db, script);

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("the version table does not hold the revisions this script expects"
                + " (001_add_version_column)");
        assertThat(ObservedDatabase.of(db)).isEqualTo(before);
    }

    @Test
    void aScriptFromARevisionAppliedToAnEmptyDatabaseChangesNothing() throws Exception {
        Path script = scriptFile(offline("upgrade", "001_add_version_column:head", "--sql"));

        Psql.Result result = Psql.run(db, script);

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(DatabaseReadings.of(db)).isEmpty();
    }

    @Test
    void aScriptAppliedTwiceStopsAtItsFirstRevisionTheSecondTime() throws Exception {
        Path script = scriptFile(offline("upgrade", "base:head", "--sql"));
        Psql.apply(db, script);
        ObservedDatabase once = ObservedDatabase.of(db);

        Psql.Result again = Psql.run(db, script);

        assertThat(again.exitCode()).isNotZero();
        assertThat(again.output()).contains("the version table does not hold the revisions this script expects (none)");
        assertThat(ObservedDatabase.of(db)).isEqualTo(once);
    }

    @Test
    void aScriptAppliedToADirtyDatabaseStops() throws Exception {
        Path script = scriptFile(offline("upgrade", "000_initial_schema:head", "--sql"));
        assertThatRun(project.run("-q", "upgrade", "000_initial_schema")).succeeded();
        db.execute("INSERT INTO retort_history (revision, operation, success) VALUES ('001_add_version_column',"
                + " 'upgrade', false)");
        ObservedDatabase before = ObservedDatabase.of(db);

        Psql.Result result = Psql.run(db, script);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("the database is dirty");
        assertThat(ObservedDatabase.of(db)).isEqualTo(before);
    }

    private Path scriptFile(RetortCli.Run script) throws Exception {
        assertThatRun(script).succeeded();
        return Files.writeString(project.directory().resolve("script.sql"), script.stdout());
    }

    private void applyScript(RetortCli.Run script) throws Exception {
        assertThatRun(script).succeeded();
        Path file = Files.writeString(project.directory().resolve("script.sql"), script.stdout());
        Psql.apply(db, file);
    }

    /** The schema, version rows and history rows (without timings) of a database. */
    private record ObservedDatabase(List<String> schema, List<String> versions, List<String> history) {

        static ObservedDatabase of(PostgresDatabase db) {
            return new ObservedDatabase(DatabaseReadings.of(db), DatabaseReadings.versions(db), DatabaseReadings.history(db));
        }
    }
}
