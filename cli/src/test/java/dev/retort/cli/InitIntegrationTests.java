package dev.retort.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code init}, in an empty directory: it needs no database. */
class InitIntegrationTests {

    @TempDir
    Path workingDirectory;

    private RetortCli retort;

    @BeforeEach
    void cliInAnEmptyDirectory() {
        retort = new RetortCli(workingDirectory);
    }

    @Test
    void createsTheDirectoryAndACommentedPropertiesFileWithoutThePassword() throws IOException {
        RetortCli.Run run = retort.run("init", "--migrations", "db/migrations",
                "--url", "r2dbc:postgresql://app:hunter22@db.example:5432/app");

        assertThatRun(run).succeeded().printed("Created db/migrations and retort.properties.").neverShowed("hunter22");
        assertThat(workingDirectory.resolve("db/migrations")).isEmptyDirectory();
        assertThat(Files.readString(workingDirectory.resolve("retort.properties")))
                .contains("\nurl=r2dbc:postgresql://app@db.example:5432/app\n")
                .contains("\nmigrations=db/migrations\n")
                .contains("\n#lock-timeout=10m\n")
                .contains("# Keep the password out of this file")
                .doesNotContain("hunter22");
    }

    @Test
    void theFileItWritesConfiguresTheNextCommands() {
        assertThatRun(retort.run("init", "--migrations", "db/migrations")).succeeded();

        assertThatRun(retort.run("revision", "-m", "First")).succeeded().printed("db/migrations/001_first.sql");
    }

    @Test
    void refusesToOverwriteAnExistingPropertiesFile() throws IOException {
        Files.writeString(workingDirectory.resolve("retort.properties"), "url=r2dbc:postgresql://x/y\n");

        assertThatRun(retort.run("init")).exitedWith(2).complained("already exists");
        assertThat(workingDirectory.resolve("retort.properties")).hasContent("url=r2dbc:postgresql://x/y");
    }
}
