package dev.retort;

import dev.retort.ValidationReport.Kind;
import dev.retort.event.LockAcquired;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RunCompleted;
import dev.retort.test.MigrationFiles;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import java.util.List;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** Stamping an existing database, and what validation finds. */
class StampAndValidateIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    MigrationFiles files;

    @BeforeEach
    void twoRevisions() {
        files = workspace.files()
                .revision("a1", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;")
                .revision("b2", "a1", "CREATE TABLE t2 (id int);", "DROP TABLE t2;");
    }

    Retort retort() {
        return workspace.retort();
    }

    @Test
    void stampingAnExistingDatabaseMakesTheUpgradeANoOp() {
        // The seed documents' case: production already has the schema, created before migrations existed.
        db.execute("CREATE TABLE t1 (id int); CREATE TABLE t2 (id int)");

        retort().stamp(Target.HEAD).blockLast(PATIENCE);
        List<?> events = retort().upgrade(Target.HEAD).collectList().block(PATIENCE);

        assertThat(retort().current().block(PATIENCE)).containsExactly("b2");
        assertThat(db.column("SELECT operation::text FROM retort_history ORDER BY id", String.class))
                .containsExactly("stamp");
        assertThat(events).noneMatch(LockAcquired.class::isInstance)
                .anyMatch(e -> e instanceof RunCompleted c && c.applied() == 0);
    }

    /** Micronaut's baseline: an unversioned schema with objects is stamped, under the lock, once. */
    @Test
    void baselineStampsAnUnversionedSchemaOnceEvenWhenTwoInstancesStartTogether() {
        db.execute("CREATE TABLE t1 (id int)");

        List<MigrationEvent> events = Flux.merge(retort().baseline(Target.parse("a1")), retort().baseline(Target.parse("a1")))
                .collectList().block(PATIENCE);
        retort().upgrade(Target.HEAD).blockLast(PATIENCE);

        assertThat(events).filteredOn(RunCompleted.class::isInstance).extracting(e -> ((RunCompleted) e).applied())
                .containsExactlyInAnyOrder(1, 0);
        assertThat(db.column("SELECT revision::text || ' ' || operation::text FROM retort_history ORDER BY id",
                String.class)).containsExactly("a1 stamp", "b2 upgrade");
    }

    @Test
    void baselineLeavesAnEmptySchemaAndAVersionedOneAlone() {
        assertThat(retort().baseline(Target.parse("b2")).collectList().block(PATIENCE)).isEmpty();
        retort().upgrade(Target.HEAD).blockLast(PATIENCE);
        retort().downgrade(Target.BASE).blockLast(PATIENCE);
        db.execute("CREATE TABLE left_behind (id int)");

        // At base again, with an object in the schema: versioned, so not the baseline's to adopt.
        assertThat(retort().baseline(Target.parse("b2")).collectList().block(PATIENCE)).isEmpty();
        assertThat(retort().current().block(PATIENCE)).isEmpty();
    }

    @Test
    void stampRunsNoMigration() {
        retort().stamp(Target.parse("a1")).blockLast(PATIENCE);

        assertThat(retort().current().block(PATIENCE)).containsExactly("a1");
        assertThat(db.column("SELECT table_name::text FROM information_schema.tables WHERE table_name = 't1'",
                String.class)).isEmpty();
    }

    @Test
    void stampPurgeReplacesAnUnknownRevision() {
        retort().upgrade(Target.HEADS).blockLast(PATIENCE);
        db.execute("UPDATE retort_version SET revision = 'gone'");
        assertThat(retort().validate().block(PATIENCE).problems()).extracting(ValidationReport.Problem::kind)
                .containsExactly(Kind.UNKNOWN_REVISION);

        retort().stamp(Target.parse("b2"), true).blockLast(PATIENCE);

        assertThat(retort().current().block(PATIENCE)).containsExactly("b2");
        assertThat(retort().validate().block(PATIENCE).isUpToDate()).isTrue();
    }

    @Test
    void validationReportsAnAppliedFileThatWasEdited() {
        retort().upgrade(Target.HEADS).blockLast(PATIENCE);
        files.revision("a1", null, "CREATE TABLE t1 (id bigint);", "DROP TABLE t1;");

        ValidationReport report = retort().validate().block(PATIENCE);

        assertThat(report.problems()).extracting(ValidationReport.Problem::kind, ValidationReport.Problem::revision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.CHECKSUM_CHANGED, "a1"));
        assertThat(report.problems().get(0).message()).contains("a1.sql");
    }

    @Test
    void validationReportsEveryPendingFileAnUpgradeWouldRefuse() {
        files.revision("b2", "a1", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1;", "DROP FUNCTION f();")
                .revision("c3", "b2", "CREATE INDEX CONCURRENTLY i ON t1 (id);", null);

        ValidationReport report = retort().validate().block(PATIENCE);

        assertThat(report.problems()).extracting(ValidationReport.Problem::kind, ValidationReport.Problem::revision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.INVALID_FILE, "b2"),
                        org.assertj.core.groups.Tuple.tuple(Kind.INVALID_FILE, "c3"));
        assertThat(report.problems().get(0).message()).contains("b2.sql:").contains("dollar")
                .endsWith("'retort upgrade' would refuse it before running anything");
        assertThat(report.problems().get(1).message()).contains("c3.sql:").contains("transactional: false");
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void validationListsPendingRevisionsInOrder() {
        retort().upgrade(Target.parse("a1")).blockLast(PATIENCE);
        files.revision("c3", "b2", "SELECT 1;", null);

        ValidationReport report = retort().validate().block(PATIENCE);

        assertThat(report.pending()).containsExactly("b2", "c3");
        assertThat(report.isValid()).isTrue();
        assertThat(report.isUpToDate()).isFalse();
    }

    @Test
    void aHeaderOnlyEditDoesNotChangeTheChecksum() {
        retort().upgrade(Target.HEADS).blockLast(PATIENCE);
        files.file("a1.sql", "-- revision: a1\n-- message: a better message\n\n-- +upgrade\nCREATE TABLE t1 (id int);\n"
                + "\n-- +downgrade\nDROP TABLE t1;\n");

        assertThat(retort().validate().block(PATIENCE).problems()).isEmpty();
    }
}
