package dev.retort.cli;

import dev.retort.test.MigrationFiles;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * N {@code retort upgrade head} processes started at once against one database, as N replicas
 * of a service would at a deploy, in repeated rounds: every process exits 0 and each revision is
 * applied exactly once.
 */
class ConcurrentProcessesIntegrationTests {

    private static final int REVISIONS = 6;
    private static final int ROUNDS = Integer.getInteger("retort.soak.rounds", 2);

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0} processes")
    @ValueSource(ints = {2, 8, 20})
    void everyProcessSucceedsAndEachRevisionIsAppliedOnce(int processes) throws IOException {
        writeRevisions();
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                db.reset();
                List<CompletableFuture<RetortCli.Run>> runs = IntStream.range(0, processes)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> cli().run("-q", "upgrade", "head"), pool))
                        .toList();

                for (CompletableFuture<RetortCli.Run> run : runs) {
                    RunAssert.assertThatRun(run.join()).succeeded();
                }
                assertThat(db.column("SELECT revision::text FROM retort_history WHERE operation = 'upgrade'"
                        + " AND success ORDER BY id", String.class)).as("round %d", round)
                        .containsExactly(IntStream.rangeClosed(1, REVISIONS).mapToObj(i -> "r" + i).toArray(String[]::new));
                assertThat(db.column("SELECT revision::text FROM retort_version", String.class))
                        .containsExactly("r" + REVISIONS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private RetortCli cli() {
        return new RetortCli(directory).env("RETORT_URL", db.url()).env("RETORT_MIGRATIONS", "migrations");
    }

    private void writeRevisions() throws IOException {
        new MigrationFiles(directory.resolve("migrations")).chain(REVISIONS,
                i -> "CREATE TABLE t" + i + " (id int);\nSELECT pg_sleep(0.05);", null);
    }
}
