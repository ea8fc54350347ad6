package dev.retort.cli;

import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI's fast start: the class list the launcher's class-data sharing archive is made from
 * still covers what a run loads ({@link DistributionIntegrationTests} shows the archive used).
 */
class StartupIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private static final Path CLASS_LIST = Path.of(System.getProperty("retort.classlist", "src/main/cds/retort.classlist"));

    /** Below this share of a run's classes in the list, start-up visibly slows: time to retrain. */
    private static final double MINIMUM_COVERAGE = 0.95;

    @TempDir
    Path workingDirectory;

    @Test
    void theClassListCoversTheClassesOfAnUpgradeAndItsNoOp() throws IOException {
        Examples.copyTo(workingDirectory);
        Path loaded = workingDirectory.resolve("loaded.classlist");
        RetortCli retort = new RetortCli(workingDirectory).env("RETORT_URL", db.url());
        assertThatRun(retort.run("upgrade", "head")).succeeded();

        assertThatRun(retort.runWithJvmOptions(List.of("-XX:DumpLoadedClassList=" + loaded), "upgrade", "head"))
                .succeeded();

        Set<String> listed = classes(CLASS_LIST);
        Set<String> used = classes(loaded);
        Set<String> missing = used.stream().filter(c -> !listed.contains(c)).collect(Collectors.toSet());
        assertThat(1.0 - (double) missing.size() / used.size())
                .as("share of a no-op upgrade's %d classes in %s; missing e.g. %s. Run cli/src/main/cds/train.sh"
                        + " to regenerate the list", used.size(), CLASS_LIST, missing.stream().sorted().limit(10).toList())
                .isGreaterThanOrEqualTo(MINIMUM_COVERAGE);
    }

    @Test
    void aRunDoesNotRegisterNettysFlightRecorderEventsUnlessAskedTo() throws IOException {
        Examples.copyTo(workingDirectory);
        RetortCli retort = new RetortCli(workingDirectory).env("RETORT_URL", db.url());
        Path loaded = workingDirectory.resolve("loaded.classlist");
        Path loadedWithEvents = workingDirectory.resolve("loaded-with-events.classlist");

        assertThatRun(retort.runWithJvmOptions(List.of("-XX:DumpLoadedClassList=" + loaded), "current")).succeeded();
        assertThatRun(retort.runWithJvmOptions(List.of("-XX:DumpLoadedClassList=" + loadedWithEvents,
                "-Dio.netty.jfr.enabled=true"), "current")).succeeded();

        assertThat(classes(loaded)).noneMatch(StartupIntegrationTests::isNettyBufferEvent);
        assertThat(classes(loadedWithEvents)).anyMatch(StartupIntegrationTests::isNettyBufferEvent);
    }

    /**
     * A no-op after a run wrote the manifest of unchanged files plans from it, and {@code current}
     * lists from it: the parser of migration files is never loaded. Without a manifest directory the
     * same no-op parses them.
     */
    @Test
    void aNoOpAndCurrentInANewProcessUseTheManifestWithoutParsingAFile() throws Exception {
        db.reset();
        Path migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        Files.writeString(migrations.resolve("a1.sql"), "-- revision: a1\n-- +upgrade\nCREATE TABLE a (id int);\n");
        Files.writeString(migrations.resolve("b2.sql"), "-- revision: b2\n-- revises: a1\n-- +upgrade\nCREATE TABLE b (id int);\n");
        // The engine trusts a file's stamp only once it is 3 s old.
        Thread.sleep(3_500);
        Path manifests = workingDirectory.resolve("cache");
        RetortCli retort = new RetortCli(workingDirectory).env("RETORT_URL", db.url())
                .env("RETORT_CACHE_DIR", manifests.toString());
        assertThatRun(retort.run("upgrade", "head")).succeeded();
        try (var written = Files.list(manifests)) {
            assertThat(written.toList()).hasSize(1);
        }

        Path withManifest = workingDirectory.resolve("with-manifest.classlist");
        Path current = workingDirectory.resolve("current.classlist");
        Path without = workingDirectory.resolve("without.classlist");
        assertThatRun(retort.runWithJvmOptions(List.of("-XX:DumpLoadedClassList=" + withManifest), "upgrade", "head"))
                .succeeded();
        RetortCli.Run currentRun = retort.runWithJvmOptions(List.of("-XX:DumpLoadedClassList=" + current), "current");
        assertThatRun(currentRun).succeeded();
        assertThat(currentRun.stdout()).contains("b2 (head)");
        assertThatRun(retort.env("RETORT_CACHE_DIR", "")
                .runWithJvmOptions(List.of("-XX:DumpLoadedClassList=" + without), "upgrade", "head")).succeeded();

        String parser = "dev/retort/internal/source/ScriptParser";
        assertThat(classes(withManifest)).doesNotContain(parser);
        assertThat(classes(current)).doesNotContain(parser);
        assertThat(classes(without)).contains(parser);
        assertThat(classes(withManifest)).as("a record's generated equals, linked on its first call (the stamps')")
                .doesNotContain("java/lang/runtime/ObjectMethods");
    }

    /**
     * Retort's classes concatenate strings with {@code StringBuilder} ({@code -XDstringConcat=inline}
     * in the parent pom): the default {@code invokedynamic} form is linked on each expression's
     * first run, milliseconds of every CLI start.
     */
    @Test
    void retortsClassesConcatenateStringsWithoutInvokedynamic() throws IOException {
        List<String> linked = new ArrayList<>();
        try (JarFile jar = new JarFile(RetortCli.jar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().startsWith("dev/retort/") && entry.getName().endsWith(".class")
                        && new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1)
                                .contains("makeConcatWithConstants")) {
                    linked.add(entry.getName());
                }
            }
        }
        assertThat(linked).isEmpty();
    }

    /** Netty's Flight Recorder events: {@code io/netty/buffer/AllocateBufferEvent} and the like. */
    private static boolean isNettyBufferEvent(String className) {
        return className.startsWith("io/netty/buffer/") && className.endsWith("Event");
    }

    private static Set<String> classes(Path classList) throws IOException {
        try (var lines = Files.lines(classList)) {
            return lines.filter(line -> !line.startsWith("#") && !line.startsWith("@") && !line.isBlank())
                    .map(line -> line.split(" ")[0]).collect(Collectors.toSet());
        }
    }
}
