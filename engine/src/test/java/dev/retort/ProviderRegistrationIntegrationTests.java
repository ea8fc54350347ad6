package dev.retort;

import dev.retort.event.LockAcquired;
import dev.retort.event.RevisionApplied;
import dev.retort.event.RevisionStarted;
import dev.retort.event.RunCompleted;
import dev.retort.event.RunPlanned;
import dev.retort.event.RunStarted;
import dev.retort.event.StatementExecuted;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider-registration service's own test plan (seed document 000, section 5), replayed with
 * Retort on the example migrations in {@code migrations/}: base, 000, 001, 002, back to 001, head,
 * checking columns, indexes and the triggers' effect in the database, with rows surviving the
 * cycles. The steps build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderRegistrationIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private static Retort retort;

    @BeforeAll
    static void retort() {
        retort = Retort.builder(db.connectionFactory())
                .migrations(MigrationSources.directory(Path.of("..", "migrations", "provider-registration")))
                .build();
    }

    @Test
    @Order(1)
    void downgradeToBaseOnAnEmptyDatabaseDoesNothingAndTakesNoLock() {
        retort.downgrade(Target.BASE).as(StepVerifier::create)
                .expectNextMatches(RunStarted.class::isInstance)
                .expectNextMatches(e -> e instanceof RunPlanned p && p.revisions().isEmpty())
                .expectNextMatches(e -> e instanceof RunCompleted c && c.applied() == 0)
                .verifyComplete();
        assertThat(tables()).doesNotContain("candidates");
    }

    @Test
    @Order(2)
    void upgradeToInitialSchemaCreatesTableIndexesAndTrigger() {
        retort.upgrade(Target.parse("000_initial_schema")).as(StepVerifier::create)
                .expectNextMatches(RunStarted.class::isInstance)
                .expectNextMatches(LockAcquired.class::isInstance)
                .expectNextMatches(e -> e instanceof RunPlanned p && p.revisions().equals(List.of("000_initial_schema")))
                .expectNextMatches(e -> e instanceof RevisionStarted s && s.revision().equals("000_initial_schema"))
                .thenConsumeWhile(StatementExecuted.class::isInstance)
                .expectNextMatches(e -> e instanceof RevisionApplied a && a.revision().equals("000_initial_schema"))
                .expectNextMatches(e -> e instanceof RunCompleted c && c.heads().equals(Set.of("000_initial_schema")))
                .verifyComplete();

        assertThat(columns()).contains("id", "company_name", "contact_email", "products", "status", "updated_at")
                .doesNotContain("version", "rejection_reason");
        assertThat(indexes()).contains("idx_candidates_status", "idx_candidates_created_at", "idx_candidates_products");
        db.execute("INSERT INTO candidates (company_name, contact_email, status) VALUES ('Acme', 'a@acme.test', 'pending')");
        db.execute("UPDATE candidates SET updated_at = TIMESTAMP '2000-01-01', status = 'approved'");
        assertThat(db.scalar("SELECT updated_at > TIMESTAMP '2001-01-01' FROM candidates")).isEqualTo(true);
    }

    @Test
    @Order(3)
    void versionColumnMigrationAddsColumnIndexAndVersionBumpingTrigger() {
        retort.upgrade(Target.parse("+1")).blockLast(PATIENCE);

        assertThat(columns()).contains("version").doesNotContain("rejection_reason");
        assertThat(indexes()).contains("idx_candidates_version");
        assertThat(db.scalar("SELECT version FROM candidates WHERE contact_email = 'a@acme.test'")).isEqualTo(1);
        db.execute("UPDATE candidates SET location = 'Haifa' WHERE contact_email = 'a@acme.test'");
        assertThat(db.scalar("SELECT version FROM candidates WHERE contact_email = 'a@acme.test'")).isEqualTo(2);
        assertThat(retort.current().block(PATIENCE)).containsExactly("001_add_version_column");
    }

    @Test
    @Order(4)
    void rejectionReasonMigrationAddsNullableTextColumn() {
        retort.upgrade(Target.parse("002_add_rejection_reason")).blockLast(PATIENCE);

        assertThat(db.query("SELECT data_type, is_nullable FROM information_schema.columns"
                + " WHERE table_name = 'candidates' AND column_name = 'rejection_reason'"))
                .containsExactly(java.util.Map.of("data_type", "text", "is_nullable", "YES"));
    }

    @Test
    @Order(5)
    void downgradeToVersionColumnRemovesRejectionReasonAndKeepsRows() {
        db.execute("UPDATE candidates SET status = 'rejected', rejection_reason = 'too small'");
        retort.downgrade(Target.parse("001_add_version_column")).blockLast(PATIENCE);

        assertThat(columns()).contains("version").doesNotContain("rejection_reason");
        assertThat(db.column("SELECT company_name FROM candidates", String.class)).containsExactly("Acme");
        assertThat(retort.current().block(PATIENCE)).containsExactly("001_add_version_column");
    }

    @Test
    @Order(6)
    void downgradeOfVersionColumnRestoresTheTimestampOnlyTrigger() {
        retort.downgrade(Target.parse("-1")).blockLast(PATIENCE);

        assertThat(columns()).doesNotContain("version");
        assertThat(indexes()).doesNotContain("idx_candidates_version");
        assertThat(triggers()).containsExactly("candidates_updated_at");
        assertThat(db.column("SELECT contact_email FROM candidates", String.class)).containsExactly("a@acme.test");
    }

    @Test
    @Order(7)
    void upgradeToHeadAppliesBothAgainAndRowsSurvive() {
        retort.upgrade(Target.HEAD).blockLast(PATIENCE);

        assertThat(columns()).contains("version", "rejection_reason");
        assertThat(triggers()).containsExactly("candidates_metadata");
        assertThat(db.column("SELECT version FROM candidates", Integer.class)).containsExactly(1);
        assertThat(retort.current().block(PATIENCE)).containsExactly("002_add_rejection_reason");
        assertThat(retort.history().map(h -> h.operation() + " " + h.revision()).collectList().block(PATIENCE)).containsExactly(
                "UPGRADE 000_initial_schema", "UPGRADE 001_add_version_column", "UPGRADE 002_add_rejection_reason",
                "DOWNGRADE 002_add_rejection_reason", "DOWNGRADE 001_add_version_column",
                "UPGRADE 001_add_version_column", "UPGRADE 002_add_rejection_reason");
    }

    @Test
    @Order(8)
    void downgradeToBaseRemovesEverythingTheMigrationsCreated() {
        retort.downgrade(Target.BASE).blockLast(PATIENCE);

        assertThat(tables()).doesNotContain("candidates");
        assertThat(db.column("SELECT proname::text FROM pg_proc WHERE proname LIKE 'update_candidates%'", String.class))
                .isEmpty();
        assertThat(retort.current().block(PATIENCE)).isEmpty();
        assertThat(retort.validate().block(PATIENCE).pending()).hasSize(3);
    }

    private static List<String> tables() {
        return db.column("SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'",
                String.class);
    }

    private static List<String> columns() {
        return db.column("SELECT column_name::text FROM information_schema.columns WHERE table_name = 'candidates'",
                String.class);
    }

    private static List<String> indexes() {
        return db.column("SELECT indexname::text FROM pg_indexes WHERE tablename = 'candidates'", String.class);
    }

    private static List<String> triggers() {
        return db.column("SELECT tgname::text FROM pg_trigger WHERE NOT tgisinternal", String.class);
    }
}
