package dev.retort;

import dev.retort.event.MigrationEvent;
import dev.retort.event.RevisionApplied;
import dev.retort.event.RunCompleted;
import dev.retort.internal.source.SourceTestAccess;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a manifest directory, a new process whose files are unchanged finds from the manifest
 * whether anything is pending; when something is, it reads the files of the steps it runs, and
 * runs them as without one.
 */
class ManifestIntegrationTests {

    /** Longer than the engine waits before it trusts a file's stamp. */
    private static final long SETTLE_MILLIS = 3_500;

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    @TempDir
    Path manifests;

    private Retort retort() {
        return Retort.builder(db.connectionFactory()).migrations(MigrationSources.directory(workspace.directory()))
                .manifestDirectory(manifests).build();
    }

    /** Runs as the first run of a new process: nothing the files gave an earlier run is held. */
    private List<MigrationEvent> inANewProcess(Operation operation, Target target) {
        SourceTestAccess.forgetCatalogs();
        Retort retort = retort();
        return (operation == Operation.UPGRADE ? retort.upgrade(target) : retort.downgrade(target)).collectList().block(PATIENCE);
    }

    private static List<String> applied(List<MigrationEvent> events) {
        return events.stream().filter(RevisionApplied.class::isInstance).map(e -> ((RevisionApplied) e).revision()).toList();
    }

    private int filesReadByTheNextRun() {
        SourceTestAccess.forgetCatalogs();
        return SourceTestAccess.filesReadWith(MigrationSources.directory(workspace.directory()), manifests);
    }

    /** r1 and r2, each with a downgrade, old enough for their stamps to be trusted. */
    private void twoSettledRevisions() throws Exception {
        workspace.files()
                .revision("r1", null, "CREATE TABLE one (id int);", "DROP TABLE one;")
                .revision("r2", "r1", "CREATE TABLE two (id int);", "DROP TABLE two;");
        Thread.sleep(SETTLE_MILLIS);
    }

    @Test
    void upgradesAndDowngradesAfterAManifestRunTheFilesAndANoOpNeedsOnlyTheManifest() throws Exception {
        twoSettledRevisions();

        assertThat(applied(inANewProcess(Operation.UPGRADE, Target.parse("r1")))).containsExactly("r1");
        assertThat(filesReadByTheNextRun()).isZero();

        assertThat(applied(inANewProcess(Operation.UPGRADE, Target.HEADS))).containsExactly("r2");
        assertThat(workspace.tables()).containsExactly("one", "retort_history", "retort_version", "two");

        List<MigrationEvent> noOp = inANewProcess(Operation.UPGRADE, Target.HEADS);
        assertThat(noOp).last().isInstanceOfSatisfying(RunCompleted.class, done -> {
            assertThat(done.applied()).isZero();
            assertThat(done.heads()).containsExactly("r2");
        });

        assertThat(applied(inANewProcess(Operation.DOWNGRADE, Target.BASE))).containsExactly("r2", "r1");
        assertThat(workspace.tables()).containsExactly("retort_history", "retort_version");
    }

    @Test
    void aDeployWithOneNewMigrationAppliesItAndAddsItToTheManifest() throws Exception {
        twoSettledRevisions();
        inANewProcess(Operation.UPGRADE, Target.HEADS);
        workspace.files().revision("r3", "r2", "CREATE TABLE three (id int);", "DROP TABLE three;");
        Thread.sleep(SETTLE_MILLIS);

        assertThat(applied(inANewProcess(Operation.UPGRADE, Target.HEADS))).containsExactly("r3");
        assertThat(filesReadByTheNextRun()).isZero();
        SourceTestAccess.forgetCatalogs();
        assertThat(retort().validate().block(PATIENCE).problems()).isEmpty();

        assertThat(applied(inANewProcess(Operation.DOWNGRADE, Target.parse("-1")))).containsExactly("r3");
        assertThat(workspace.tables()).containsExactly("one", "retort_history", "retort_version", "two");
    }

    @Test
    void revisionsAndValidationFromTheManifestSayWhatTheFilesSayAndAnEditIsStillCaught() throws Exception {
        twoSettledRevisions();
        inANewProcess(Operation.UPGRADE, Target.HEADS);
        SourceTestAccess.forgetCatalogs();
        Revisions fromFiles = Retort.builder(db.connectionFactory())
                .migrations(MigrationSources.directory(workspace.directory())).build().revisions().block(PATIENCE);

        assertThat(filesReadByTheNextRun()).isZero();
        SourceTestAccess.forgetCatalogs();
        assertThat(retort().revisions().block(PATIENCE).all()).isEqualTo(fromFiles.all());
        SourceTestAccess.forgetCatalogs();
        assertThat(retort().validate().block(PATIENCE).problems()).isEmpty();

        workspace.files().revision("r1", null, "CREATE TABLE uno (id int);", "DROP TABLE uno;");
        Thread.sleep(SETTLE_MILLIS);
        SourceTestAccess.forgetCatalogs();
        assertThat(retort().validate().block(PATIENCE).problems()).extracting(ValidationReport.Problem::kind)
                .containsExactly(ValidationReport.Kind.CHECKSUM_CHANGED);
    }

    @Test
    void validationChecksAPendingRevisionKnownOnlyFromTheManifest() throws Exception {
        twoSettledRevisions();
        inANewProcess(Operation.UPGRADE, Target.HEADS);
        inANewProcess(Operation.DOWNGRADE, Target.parse("-1"));
        SourceTestAccess.forgetCatalogs();

        ValidationReport report = retort().validate().block(PATIENCE);

        assertThat(report.pending()).containsExactly("r2");
        assertThat(report.problems()).isEmpty();
        SourceTestAccess.forgetCatalogs();
        assertThat(retort().plan(Operation.DOWNGRADE, Target.parse("-1")).block(PATIENCE).steps())
                .extracting(PlannedStep::revision).containsExactly("r1");
    }

    @Test
    void aFileEditedAfterItsManifestWasWrittenRunsAsEdited() throws Exception {
        workspace.files()
                .revision("r1", null, "CREATE TABLE one (id int);", null)
                .revision("r2", "r1", "CREATE TABLE two (id int);", null);
        Thread.sleep(SETTLE_MILLIS);
        inANewProcess(Operation.UPGRADE, Target.parse("r1"));

        workspace.files().revision("r2", "r1", "CREATE TABLE edited (id int);", null);
        Thread.sleep(SETTLE_MILLIS);
        assertThat(filesReadByTheNextRun()).isOne();

        assertThat(applied(inANewProcess(Operation.UPGRADE, Target.HEADS))).containsExactly("r2");
        assertThat(workspace.tables()).contains("one", "edited").doesNotContain("two");
    }
}
