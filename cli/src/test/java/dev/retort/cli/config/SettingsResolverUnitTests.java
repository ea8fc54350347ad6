package dev.retort.cli.config;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsResolverUnitTests {

    @TempDir
    Path workingDirectory;

    private Settings resolve(Map<ConfigKey, String> flags, Map<String, String> environment) {
        return new SettingsResolver(flags, environment, workingDirectory).resolve();
    }

    @Test
    void withNothingConfiguredTheDefaultsApply() {
        Settings settings = resolve(Map.of(), Map.of());

        assertThat(settings.url()).isEqualTo(ConfigKey.DEFAULT_URL);
        assertThat(settings.migrations()).isEqualTo(workingDirectory.resolve("migrations"));
        assertThat(settings.schema()).isEqualTo("public");
        assertThat(settings.tablePrefix()).isEqualTo("retort");
        assertThat(settings.lockTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.user()).isNull();
        assertThat(settings.password()).isNull();
    }

    @Test
    void flagBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
        Files.writeString(workingDirectory.resolve("retort.properties"),
                "schema=from_file\ntable-prefix=from_file\nuser=from_file\n");

        Settings settings = resolve(Map.of(ConfigKey.SCHEMA, "from_flag"),
                Map.of("RETORT_SCHEMA", "from_env", "RETORT_TABLE_PREFIX", "from_env"));

        assertThat(settings.schema()).isEqualTo("from_flag");
        assertThat(settings.tablePrefix()).isEqualTo("from_env");
        assertThat(settings.user()).isEqualTo("from_file");
    }

    @Test
    void lockTimeoutsReadAsPeopleWriteThem() {
        assertThat(resolve(Map.of(ConfigKey.LOCK_TIMEOUT, "500ms"), Map.of()).lockTimeout()).hasMillis(500);
        assertThat(resolve(Map.of(ConfigKey.LOCK_TIMEOUT, "30s"), Map.of()).lockTimeout()).hasSeconds(30);
        assertThat(resolve(Map.of(ConfigKey.LOCK_TIMEOUT, "2h"), Map.of()).lockTimeout()).hasHours(2);
        assertThat(resolve(Map.of(ConfigKey.LOCK_TIMEOUT, "PT90S"), Map.of()).lockTimeout()).hasSeconds(90);
    }

    @Test
    void anUnknownKeyInTheFileIsAConfigurationErrorNamingIt() throws IOException {
        Files.writeString(workingDirectory.resolve("retort.properties"), "url=x\npasword=y\n");

        assertThatThrownBy(() -> resolve(Map.of(), Map.of()))
                .isInstanceOfSatisfying(RetortException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessageContaining("unknown key 'pasword'");
    }
}
