package dev.retort.cli.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTests {

    @Test
    void maskUrlHidesThePasswordButKeepsUserAndHost() {
        assertThat(Secrets.maskUrl("Cannot reach r2dbc:postgresql://app:p%40ss@db:5432/app today"))
                .isEqualTo("Cannot reach r2dbc:postgresql://app:****@db:5432/app today");
    }

    @Test
    void maskUrlLeavesUrlsWithoutPasswordAlone() {
        assertThat(Secrets.maskUrl("r2dbc:postgresql://app@db:5432/app and r2dbc:postgresql://db:5432/app"))
                .isEqualTo("r2dbc:postgresql://app@db:5432/app and r2dbc:postgresql://db:5432/app");
    }

    @Test
    void scrubRemovesRememberedPasswordsAndTheDecodedUrlPassword() {
        Secrets secrets = new Secrets();
        secrets.remember("flag-secret", false);
        secrets.remember("r2dbc:postgresql://app:p%40ss@db/app", true);

        assertThat(secrets.scrub("auth failed for flag-secret; tried p@ss")).isEqualTo("auth failed for ****; tried ****");
    }

    @Test
    void withoutPasswordKeepsTheUser() {
        assertThat(Secrets.withoutPassword("r2dbc:postgresql://app:secret@db:5432/app?sslMode=require"))
                .isEqualTo("r2dbc:postgresql://app@db:5432/app?sslMode=require");
    }

    @Test
    void settingsNeverPrintThePassword() {
        Settings settings = new Settings("r2dbc:postgresql://u:url-secret@h/d", "u", "flag-secret", null, "public",
                "retort", null, null);

        assertThat(settings.toString()).doesNotContain("url-secret").doesNotContain("flag-secret");
    }
}
