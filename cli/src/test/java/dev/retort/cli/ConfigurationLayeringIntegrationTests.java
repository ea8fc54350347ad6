package dev.retort.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.retort.cli.RunAssert.assertThatRun;

/**
 * Configuration layering (flag, environment, {@code retort.properties}, default) and usage errors.
 * No database: {@code heads} shows which migrations directory won.
 */
class ConfigurationLayeringIntegrationTests {

    @TempDir
    Path workingDirectory;

    private RetortCli retort;

    @BeforeEach
    void threeMigrationDirectories() throws IOException {
        for (String name : new String[] {"from_file", "from_env", "from_flag"}) {
            Path directory = Files.createDirectories(workingDirectory.resolve(name));
            Examples.write(directory, name + "_head", null, "SELECT 1;", "");
        }
        retort = new RetortCli(workingDirectory);
    }

    private void properties(String text) throws IOException {
        Files.writeString(workingDirectory.resolve("retort.properties"), text);
    }

    @Nested
    class Precedence {

        @BeforeEach
        void propertiesFile() throws IOException {
            properties("# comment\nmigrations=from_file\n");
        }

        @Test
        void thePropertiesFileWinsOverTheDefault() {
            assertThatRun(retort.run("heads")).succeeded().printed("from_file_head (head)");
        }

        @Test
        void theEnvironmentWinsOverThePropertiesFile() {
            retort.env("RETORT_MIGRATIONS", "from_env");

            assertThatRun(retort.run("heads")).succeeded().printed("from_env_head (head)");
        }

        @Test
        void aFlagWinsOverTheEnvironment() {
            retort.env("RETORT_MIGRATIONS", "from_env");

            assertThatRun(retort.run("heads", "--migrations", "from_flag")).succeeded().printed("from_flag_head (head)");
        }

        @Test
        void globalOptionsMayComeBeforeTheCommand() {
            assertThatRun(retort.run("--migrations", "from_flag", "heads")).succeeded().printed("from_flag_head (head)");
        }

        @Test
        void aBlankEnvironmentVariableCountsAsUnset() {
            retort.env("RETORT_MIGRATIONS", "");

            assertThatRun(retort.run("heads")).succeeded().printed("from_file_head (head)");
        }
    }

    @Nested
    class Errors {

        @Test
        void unknownPropertiesKeysExitTwoNamingThem() throws IOException {
            properties("migrations=from_file\nurll=r2dbc:postgresql://x/y\nschemas=app\n");

            assertThatRun(retort.run("heads")).exitedWith(2).hasNoStackTrace()
                    .complained("retort.properties: unknown keys 'schemas', 'urll'");
        }

        @Test
        void anInvalidLockTimeoutExitsTwoSayingWhereItCameFrom() {
            retort.env("RETORT_LOCK_TIMEOUT", "ten minutes");

            assertThatRun(retort.run("heads", "--migrations", "from_flag")).exitedWith(2)
                    .complained("'ten minutes' (from RETORT_LOCK_TIMEOUT)");
        }

        @Test
        void anUnknownOptionIsAUsageError() {
            assertThatRun(retort.run("heads", "--colour")).exitedWith(2).complained("--colour")
                    .complained("retort heads --help");
        }

        @Test
        void aMisspeltCommandSuggestsTheRightOne() {
            assertThatRun(retort.run("upgrad")).exitedWith(2).complained("Did you mean upgrade");
        }

        @Test
        void noCommandIsAUsageErrorListingThem() {
            assertThatRun(retort.run()).exitedWith(2).complained("Missing command").complained("upgrade");
        }

        @Test
        void aMissingMigrationsDirectorySaysSo() {
            assertThatRun(retort.run("heads", "--migrations", "nowhere")).exitedWith(2).complained("nowhere")
                    .complained("does not exist");
        }
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        RetortCli.Run help = retort.run("--help");

        assertThatRun(help).succeeded().printed("Exit codes:").printed("RETORT_URL");
        for (String command : new String[] {"init", "revision", "upgrade", "downgrade", "current", "history", "heads",
                "branches", "show", "stamp", "merge", "check", "validate"}) {
            assertThatRun(help).printed("  " + command + " ");
        }
    }
}
