package dev.retort.micronaut;

import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code baseline}: seed 004's team stamped its production database before the first deploy;
 * with the setting, the application does it itself when it finds a schema without Retort's tables.
 */
class BaselineIntegrationTests {

    private static final Map<String, Object> BASELINE = Map.of("retort.datasources.default.baseline",
            "001_add_version_column");

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final LogCapture log = new LogCapture();

    @BeforeEach
    void freshSchema() {
        db.reset();
    }

    @Test
    void aSchemaMadeBeforeRetortIsStampedAtTheBaselineThenUpgraded() {
        // The schema of the example set at 001, as the team had made it by hand.
        db.execute("CREATE TABLE candidates (id bigint PRIMARY KEY, status text, version integer NOT NULL DEFAULT 1);"
                + " INSERT INTO candidates (id, status) VALUES (1, 'pending')");

        TestApplications.startExample(db, BASELINE).close();

        assertThat(db.column("SELECT revision::text || ' ' || operation::text FROM retort_history ORDER BY id", String.class))
                .containsExactly("001_add_version_column stamp", "002_add_rejection_reason upgrade");
        assertThat(db.column("SELECT count(*) FROM candidates", Long.class)).containsExactly(1L);
        assertThat(log.lines()).anyMatch(line -> line.startsWith("INFO Datasource 'default' had a schema but no Retort"
                + " tables: stamped 001_add_version_column (baseline)"));
    }

    @Test
    void anEmptySchemaIsMigratedFromBaseAsUsual() {
        TestApplications.startExample(db, BASELINE).close();

        assertThat(db.column("SELECT revision::text || ' ' || operation::text FROM retort_history ORDER BY id", String.class))
                .containsExactly("000_initial_schema upgrade", "001_add_version_column upgrade",
                        "002_add_rejection_reason upgrade");
        assertThat(log.lines()).noneMatch(line -> line.contains("(baseline)"));
    }
}
