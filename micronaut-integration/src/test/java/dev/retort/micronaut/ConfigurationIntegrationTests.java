package dev.retort.micronaut;

import dev.retort.test.database.PostgresDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retort.datasources keys: binding, defaults, IDE metadata, and their effect. */
class ConfigurationIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @Test
    void keysBindFromKebabCaseAndPlainStrings() {
        Map<String, Object> properties = Map.of(
                "retort.datasources.reporting.connect-retry", "45s",
                "retort.datasources.reporting.connect-timeout", "3s",
                "retort.datasources.reporting.enabled", "false",
                "retort.datasources.reporting.locations", "classpath:a, file:/srv/b",
                "retort.datasources.reporting.target", "branch@head",
                "retort.datasources.reporting.mode", "async",
                "retort.datasources.reporting.lock-timeout", "30s",
                "retort.datasources.reporting.schema", "audit",
                "retort.datasources.reporting.table-prefix", "mig");

        try (ApplicationContext context = ApplicationContext.run(properties, Environment.TEST)) {
            RetortDatasourceConfiguration reporting = context.getBean(RetortDatasourceConfiguration.class,
                    Qualifiers.byName("reporting"));

            assertThat(reporting.getName()).isEqualTo("reporting");
            assertThat(reporting.isEnabled()).isFalse();
            assertThat(reporting.getLocations()).containsExactly("classpath:a", "file:/srv/b");
            assertThat(reporting.getTarget()).isEqualTo("branch@head");
            assertThat(reporting.getMode()).isEqualTo(MigrationMode.ASYNC);
            assertThat(reporting.getLockTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(reporting.getConnectRetry()).isEqualTo(Duration.ofSeconds(45));
            assertThat(reporting.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(reporting.getSchema()).isEqualTo("audit");
            assertThat(reporting.getTablePrefix()).isEqualTo("mig");
        }
    }

    @Test
    void anUnconfiguredDatasourceGetsTheDocumentedDefaults() {
        RetortDatasourceConfiguration defaults = new RetortDatasourceConfiguration("default");

        assertThat(defaults.isEnabled()).isTrue();
        assertThat(defaults.getLocations()).containsExactly("classpath:db/migrations");
        assertThat(defaults.getTarget()).isEqualTo("heads");
        assertThat(defaults.getMode()).isEqualTo(MigrationMode.STARTUP);
        assertThat(defaults.getLockTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.getConnectRetry()).isZero();
        assertThat(defaults.getConnectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.getSchema()).isEqualTo("public");
        assertThat(defaults.getTablePrefix()).isEqualTo("retort");
    }

    @Test
    void theBuildGeneratesIdeMetadataForEveryKey() throws IOException {
        String metadata;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("configuration metadata in target/classes").isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(metadata).contains("\"retort.datasources.*.enabled\"", "\"retort.datasources.*.locations\"",
                "\"retort.datasources.*.target\"", "\"retort.datasources.*.mode\"",
                "\"retort.datasources.*.lock-timeout\"", "\"retort.datasources.*.connect-retry\"",
                "\"retort.datasources.*.connect-timeout\"",
                "\"retort.datasources.*.schema\"",
                "\"retort.datasources.*.table-prefix\"", "\"retort.datasources.*.entity-check\"",
                "\"retort.datasources.*.entity-packages\"", "\"retort.datasources.*.validate-on-migrate\"",
                "\"retort.datasources.*.baseline\"", "\"retort.datasources.*.session-settings\"",
                "\"retort.datasources.*.lock-retries\"", "\"retort.datasources.*.lint\"",
                "\"retort.datasources.*.schemas\"", "\"retort.datasources.*.schema-pattern\"",
                "\"retort.datasources.*.parallel\"", "\"retort.enabled\"");
        // The defaults, which IDEs show beside each key.
        Map<String, String> defaults = new TreeMap<>();
        // Each property runs from its "name" to the next one's; descriptions may hold braces.
        String[] entries = metadata.split("\"name\"\\s*:\\s*\"");
        for (int i = 1; i < entries.length; i++) {
            String name = entries[i].substring(0, entries[i].indexOf('"'));
            Matcher value = Pattern.compile("\"defaultValue\"\\s*:\\s*\"?([^\",}]*)").matcher(entries[i]);
            defaults.put(name, value.find() ? value.group(1).replace("\\/", "/") : null);
        }
        assertThat(defaults).containsEntry("retort.enabled", "true")
                .containsEntry("retort.datasources.*.locations", "classpath:db/migrations")
                .containsEntry("retort.datasources.*.target", "heads").containsEntry("retort.datasources.*.mode", "startup")
                .containsEntry("retort.datasources.*.lock-timeout", "10m")
                .containsEntry("retort.datasources.*.connect-timeout", "10s")
                .containsEntry("retort.datasources.*.schema", "public")
                .containsEntry("retort.datasources.*.lock-retries", "3").containsEntry("retort.datasources.*.lint", "warn")
                .containsEntry("retort.datasources.*.parallel", "4")
                .containsEntry("retort.datasources.*.entity-check", "warn");
    }

    @Test
    void aMisspeltModeIsAnsweredWithTheValidOnes() {
        db.reset();
        assertThatThrownBy(() -> TestApplications.start(properties("retort.datasources.default.mode", "asynch")))
                .hasMessageContaining("retort.datasources.*.mode: 'asynch' is not one of startup, async.");
        assertThatThrownBy(() -> TestApplications.start(properties("retort.datasources.default.entity-check", "loud")))
                .hasMessageContaining("retort.datasources.*.entity-check: 'loud' is not one of off, warn, fail.");
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", Long.class))
                .as("nothing migrated").containsExactly(0L);
    }

    @Test
    void aTargetStopsTheUpgradeThere() {
        db.reset();
        try (EmbeddedServer ignored = TestApplications.start(properties(
                "retort.datasources.default.target", "001_add_version_column"))) {
            assertThat(db.column("SELECT revision FROM retort_version", String.class))
                    .containsExactly("001_add_version_column");
        }
    }

    @Test
    void aConfiguredDatasourceWithoutAnR2dbcDatasourceFailsStartup() {
        db.reset();
        assertThatThrownBy(() -> TestApplications.start(properties("retort.datasources.reporting.enabled", "true")))
                .hasMessageContaining("retort.datasources.reporting is configured")
                .hasMessageContaining("r2dbc.datasources.reporting.url");
    }

    private static Map<String, Object> properties(String key, Object value) {
        Map<String, Object> properties = new HashMap<>(TestApplications.datasource("default", db));
        properties.put(key, value);
        return properties;
    }
}
