package dev.retort.micronaut;

import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code lint}: the revisions about to be applied to a live database are linted first; 001 builds
 * an index on the existing {@code candidates} table without CONCURRENTLY.
 */
class LintIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final LogCapture log = new LogCapture();

    @BeforeEach
    void atTheFirstRevision() {
        db.reset();
        TestApplications.startExample(db, Map.of("retort.datasources.default.target", "000_initial_schema",
                "retort.datasources.default.lint", "off")).close();
    }

    @Test
    void findingsAreLoggedAndTheMigrationRunsByDefault() {
        TestApplications.startExample(db, Map.of()).close();

        assertThat(log.lines()).anyMatch(line -> line.startsWith("WARN Lint findings in the revisions about to be applied"
                + " to datasource 'default' (lint: warn)") && line.contains("001_add_version_column.sql:11"
                + "  index-not-concurrent  error"));
        assertThat(db.column("SELECT revision::text FROM retort_version", String.class))
                .containsExactly("002_add_rejection_reason");
    }

    @Test
    void withFailAnErrorFindingStopsStartupBeforeAnythingRuns() {
        Throwable refused = catchThrowable(() -> TestApplications.startExample(db,
                Map.of("retort.datasources.default.lint", "fail")).close());

        assertThat(refused).hasMessageContaining("lint found errors in the pending revisions (lint: fail)")
                .hasMessageContaining("index-not-concurrent");
        assertThat(db.column("SELECT revision::text FROM retort_version", String.class))
                .containsExactly("000_initial_schema");
    }

    @Test
    void aMisspeltModeListsTheValidOnes() {
        Throwable refused = catchThrowable(() -> TestApplications.startExample(db,
                Map.of("retort.datasources.default.lint", "strict")).close());

        assertThat(refused).hasStackTraceContaining("retort.datasources.*.lint: 'strict' is not one of off, warn, fail.");
    }
}
