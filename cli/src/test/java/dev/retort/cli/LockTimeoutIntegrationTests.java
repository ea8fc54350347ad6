package dev.retort.cli;

import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/** Two runs at once: the one that cannot take the migration lock in time exits 3 and changes nothing. */
class LockTimeoutIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final ExampleProject project = ExampleProject.on(db);

    @Test
    void aRunThatCannotTakeTheLockInTimeExitsThreeAndChangesNothing() throws Exception {
        Examples.write(project.migrations(), "003_slow", Examples.HEAD, "SELECT pg_sleep(4);", "");
        CompletableFuture<RetortCli.Run> slow = CompletableFuture.supplyAsync(() -> project.run("-q", "upgrade"));
        awaitAdvisoryLock();

        RetortCli.Run blocked = project.run("upgrade", "--lock-timeout", "1s");

        assertThatRun(blocked).exitedWith(3).hasNoStackTrace().complained("Could not acquire the migration lock")
                .neverShowed("upgrade 000_initial_schema");
        assertThatRun(slow.get(60, TimeUnit.SECONDS)).succeeded();
        assertThat(DatabaseReadings.history(db)).hasSize(4);
    }

    private void awaitAdvisoryLock() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (((Number) db.scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).longValue() == 0) {
            assertThat(System.nanoTime()).as("the first run never took the lock").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
