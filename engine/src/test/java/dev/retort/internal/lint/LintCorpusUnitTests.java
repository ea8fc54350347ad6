package dev.retort.internal.lint;

import dev.retort.LintFinding;
import dev.retort.internal.source.InMemoryScripts;
import dev.retort.internal.source.Script;
import dev.retort.internal.source.SessionSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The linter against SQL nobody here wrote: every script a PostgreSQL 15 installation ships
 * (initdb's and the contrib extensions' install and update scripts) and PostGIS's install
 * scripts, each linted as one revision. None may crash it, and what it finds must make sense.
 */
class LintCorpusUnitTests {

    private static final Path SHARE = Path.of(System.getProperty("retort.corpus.dir", "/usr/share/postgresql/15"));

    @Test
    void everyScriptOfAPostgresqlInstallationLintsWithFindingsThatMakeSense() throws IOException {
        List<Path> files = scripts();
        assertThat(files).as("the scripts of " + SHARE + " (install postgresql-15 and postgresql-15-postgis-3)")
                .hasSizeGreaterThan(100).anyMatch(f -> f.getFileName().toString().startsWith("postgis--3"));
        Map<String, Integer> byRule = new TreeMap<>();
        List<String> aboutExistingTables = new ArrayList<>();
        for (Path file : files) {
            for (LintFinding finding : lint(file)) {
                byRule.merge(finding.rule(), 1, Integer::sum);
                if (!Set.of("no-downgrade", "missing-lock-timeout").contains(finding.rule())) {
                    aboutExistingTables.add(file.getFileName() + ":" + finding.line() + " " + finding.rule());
                }
            }
        }
        // The tiger geocoder creates its dozens of tables and then indexes them (69 CREATE INDEX):
        // nothing to say; its update script holds 38 more inside the loader's shell strings, which
        // are text, not statements. What is found is real: the install drops tables an earlier
        // install may have left (DROP TABLE IF EXISTS), which loses their data.
        assertThat(byRule).doesNotContainKey("index-not-concurrent");
        assertThat(aboutExistingTables).as("findings about existing tables, by rule: " + byRule).isNotEmpty()
                .allMatch(finding -> finding.matches("postgis_tiger_geocoder--\\d+\\.\\d+\\.\\d+\\.sql:\\d+ drop-table"),
                        "the tiger install's DROP TABLE IF EXISTS");
        assertThat(byRule.get("no-downgrade")).isEqualTo(files.size());
    }

    private static List<LintFinding> lint(Path file) throws IOException {
        // psql meta-commands (the extension scripts' \\echo guard) are not SQL: left out, as psql does not send them.
        String text = Files.readString(file, StandardCharsets.ISO_8859_1).lines()
                .map(line -> line.startsWith("\\") ? "" : line).collect(java.util.stream.Collectors.joining("\n"));
        Script script = InMemoryScripts.parse(file.getFileName().toString(),
                "-- +upgrade\n" + text.replace("-- +", "-- plus "));
        return Linter.lint(List.of(script), List.of(script), SessionSettings.NONE, Set.of(), false).block(PATIENCE);
    }

    /**
     * Contrib's scripts, PostGIS's install scripts (not its hundreds of near-identical updates) and
     * one update of the tiger geocoder and of the US address data, which change existing tables.
     */
    private static boolean isCorpus(String name) {
        boolean postgis = name.startsWith("postgis") || name.startsWith("address_standardizer");
        return !postgis || name.matches("[a-z_]+--\\d+\\.\\d+\\.\\d+\\.sql")
                || name.matches("(postgis_tiger_geocoder|address_standardizer_data_us)--2\\.0\\.0--[0-9.]+\\.sql");
    }

    private static List<Path> scripts() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> server = Files.list(SHARE); Stream<Path> extensions = Files.list(SHARE.resolve("extension"))) {
            server.filter(f -> f.toString().endsWith(".sql")).forEach(files::add);
            extensions.filter(f -> f.toString().endsWith(".sql")).filter(f -> isCorpus(f.getFileName().toString()))
                    .forEach(files::add);
        }
        return files.stream().sorted().toList();
    }
}
