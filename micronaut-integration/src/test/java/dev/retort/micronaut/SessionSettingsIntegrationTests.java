package dev.retort.micronaut;

import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@code session-settings} and {@code lock-retries} reach the engine; a setting the server refuses stops startup. */
class SessionSettingsIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @BeforeEach
    void freshSchema() {
        db.reset();
    }

    @Test
    void settingsTheServerAcceptsMigrate() {
        TestApplications.startExample(db, Map.of("retort.datasources.default.session-settings.lock_timeout", "5s",
                "retort.datasources.default.session-settings.statement-timeout", "1min",
                "retort.datasources.default.lock-retries", 0)).close();

        assertThat(db.column("SELECT revision::text FROM retort_version", String.class))
                .containsExactly("002_add_rejection_reason");
    }

    @Test
    void aSettingTheServerDoesNotKnowStopsStartupBeforeAnythingRuns() {
        Throwable refused = catchThrowable(() -> TestApplications.startExample(db,
                Map.of("retort.datasources.default.session-settings.lock_timout", "5s")).close());

        assertThat(refused).hasMessageContaining("The server refused the session settings")
                .hasMessageContaining("lock_timout");
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", Long.class))
                .containsExactly(0L);
    }
}
