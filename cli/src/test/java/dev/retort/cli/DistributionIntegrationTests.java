package dev.retort.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installable CLI as a user gets it: the archive the build makes, unpacked anywhere, started
 * through bin/retort with a class-data sharing archive made where it is installed.
 */
class DistributionIntegrationTests {

    private static final Path ARCHIVE = Path.of(System.getProperty("retort.distribution",
            "target/retort-cli-0.1.0-SNAPSHOT-distribution.tar.gz")).toAbsolutePath();
    /** With -Xshare:on the JVM fails instead of silently starting without an archive it cannot use. */
    private static final String MAPPED_OR_FAIL = "-Xshare:on -Xlog:class+load=info:stdout";

    @TempDir
    Path directory;

    @Test
    void theArchiveHoldsTheLaunchersTheJarItsClassListTheLicenceAndTheReadme() throws IOException {
        Path home = unpack(directory);

        assertThat(Files.getPosixFilePermissions(home.resolve("bin/retort"))).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE);
        assertThat(home.resolve("bin/retort.cmd")).content().contains("lib\\retort.jar");
        assertThat(home.resolve("lib/retort.jar")).hasSameBinaryContentAs(RetortCli.jar());
        assertThat(home.resolve("lib/retort.classlist")).isNotEmptyFile();
        assertThat(home.resolve("LICENSE")).content().contains("Apache License");
        assertThat(home.resolve("README.md")).content().startsWith("# Retort");
    }

    @Test
    void installedAnywhereItStartsFromAClassDataArchiveMadeWhereItIs() throws IOException {
        Path home = unpack(directory.resolve("opt"));

        RetortCli.Run first = retort(home.resolve("bin/retort"), "--version");

        assertThatRun(first).succeeded();
        assertThat(first.stdout()).contains("retort 0.1.0").containsPattern("dev\\.retort\\.cli\\.Main source: shared objects file");
        assertThat(home.resolve("lib/retort.jsa")).exists();

        // An archive only fits the paths it was made with: moved, the launcher makes a new one.
        Path moved = Files.move(directory.resolve("opt"), directory.resolve("moved")).resolve(home.getFileName());
        RetortCli.Run afterTheMove = retort(moved.resolve("bin/retort"), "--version");
        assertThatRun(afterTheMove).succeeded();
        assertThat(afterTheMove.stdout()).containsPattern("picocli\\.CommandLine source: shared objects file");

        // Started through a link on the PATH, it still finds its lib/.
        Path link = Files.createSymbolicLink(directory.resolve("retort"), moved.resolve("bin/retort"));
        assertThatRun(retort(link, "--version")).succeeded();
    }

    @Test
    void javaDashJarSaysOnVerboseHowToStartFaster() throws IOException {
        Path home = unpack(directory);
        RetortCli cli = new RetortCli(directory);

        RetortCli.Run plainJar = cli.runCommand(RetortCli.javaExecutable(), "-jar", home.resolve("lib/retort.jar").toString())
                .andArgs("--verbose", "--version");
        assertThatRun(plainJar).succeeded();
        assertThat(plainJar.stderr()).contains("bin/retort of the distribution starts about twice as fast");

        RetortCli.Run launched = cli.runCommand("sh", home.resolve("bin/retort").toString()).andArgs("--verbose", "--version");
        assertThatRun(launched).succeeded();
        assertThat(launched.stderr()).doesNotContain("twice as fast");
    }

    private RetortCli.Run retort(Path launcher, String... args) {
        return new RetortCli(directory).env("RETORT_JAVA_OPTS", MAPPED_OR_FAIL).runCommand(launcher.toString()).andArgs(args);
    }

    private Path unpack(Path into) throws IOException {
        Files.createDirectories(into);
        RetortCli.Run tar = new RetortCli(into).runCommand("tar", "xzf", ARCHIVE.toString()).andArgs();
        assertThatRun(tar).succeeded();
        try (var entries = Files.list(into)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("retort-")).findFirst().orElseThrow();
        }
    }
}
