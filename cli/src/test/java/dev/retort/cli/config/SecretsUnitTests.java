package dev.retort.cli.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsUnitTests {

    @ParameterizedTest
    @ValueSource(strings = {
            "r2dbc:postgresql://app:s3cret-pw@db:5432/app",
            "r2dbc:postgresql://app:s3cret@pw@db:5432/app",
            "r2dbc:postgresql://app:s3cret%40pw@db:5432/app"})
    void aDescriptionIsBuiltFromTheParsedUrlWithoutItsPassword(String url) {
        String description = Secrets.describe(url, null);

        assertThat(description).isEqualTo("r2dbc:postgresql://app@db:5432/app").doesNotContain("s3cret");
    }

    /** R2DBC refuses a password option, and a space in the user-info does not parse. */
    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://db/app?user=app&password=s3cret-pw", "postgres://app:s3cret-pw@db/app",
            "not a url s3cret-pw", "r2dbc:postgresql://app@db:5432/app?password=s3cret-pw",
            "r2dbc:postgresql://app@db:5432/app?sslMode=require&password=s3cret-pw",
            "r2dbc:postgresql://app:s3cret pw@db:5432/app"})
    void aUrlThatDoesNotParseIsDescribedByItsSchemeAlone(String url) {
        assertThat(Secrets.describe(url, null)).doesNotContain("s3cret").doesNotContain("app");
    }

    @Test
    void theUserOverrideIsTheUserDescribed() {
        assertThat(Secrets.describe("r2dbc:postgresql://app:pw@db/app", "admin")).isEqualTo("r2dbc:postgresql://admin@db/app");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2dbc:postgresql://app:s3cret@pw@db/app", "r2dbc:postgresql://app@db/app?password=s3cret@pw",
            "r2dbc:postgresql://app:s3cret%40pw@db/app"})
    void scrubRemovesAUrlsPasswordHoweverItWasWritten(String url) {
        Secrets secrets = new Secrets();
        secrets.remember(url, true);

        assertThat(secrets.scrub("auth failed: s3cret@pw.")).isEqualTo("auth failed: ****.");
    }

    @Test
    void scrubRemovesRememberedPasswordsAsWholeTokensOnly() {
        Secrets secrets = new Secrets();
        secrets.remember("flag-secret", false);
        secrets.remember("postgres", false);

        assertThat(secrets.scrub("auth failed for flag-secret at r2dbc:postgresql://x; password postgres"))
                .isEqualTo("auth failed for **** at r2dbc:postgresql://x; password ****");
    }

    @Test
    void aShortPasswordIsNotScrubbedLetterByLetter() {
        Secrets secrets = new Secrets();
        secrets.remember("e", false);

        assertThat(secrets.scrub("Cannot connect to the database")).isEqualTo("Cannot connect to the database");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2dbc:postgresql://app:secret@db:5432/app?sslMode=require",
            "r2dbc:postgresql://app@db:5432/app?password=secret&sslMode=require",
            "r2dbc:postgresql://app@db:5432/app?sslMode=require&password=secret",
            "r2dbc:postgresql://app:sec@ret@db:5432/app?sslMode=require"})
    void withoutPasswordKeepsTheRest(String url) {
        assertThat(Secrets.withoutPassword(url)).isEqualTo("r2dbc:postgresql://app@db:5432/app?sslMode=require");
    }

    @Test
    void settingsNeverPrintThePassword() {
        Settings settings = new Settings("r2dbc:postgresql://u:url-secret@h/d", "u", "flag-secret", null, "public",
                "retort", null, null, null, null, 3, null);

        assertThat(settings.toString()).doesNotContain("url-secret").doesNotContain("flag-secret");
    }
}
