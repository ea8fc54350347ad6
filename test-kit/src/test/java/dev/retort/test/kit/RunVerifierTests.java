package dev.retort.test.kit;

import dev.retort.MigrationSources;
import dev.retort.Retort;
import dev.retort.Target;
import dev.retort.error.MigrationExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verifier passes runs that do what it states and names the first milestone that differs. */
class RunVerifierTests {

    @RegisterExtension
    static final RetortDatabase db = RetortDatabase.empty();

    private static Retort retort(String location) {
        return Retort.builder(db.connectionFactory()).migrations(MigrationSources.parse(location)).build();
    }

    @Test
    void verifiesAnUpgradeADowngradeAndANoOp() {
        db.reset();
        Retort retort = retort("classpath:db/migrations");

        RunVerifier.of(retort.upgrade(Target.HEAD)).applies("001_books", "002_isbn").completesAt("002_isbn");
        RunVerifier.of(retort.upgrade(Target.HEAD)).completesAt("002_isbn");
        RunVerifier.of(retort.downgrade(Target.BASE)).applies("002_isbn", "001_books").completesAt();
        RunVerifier.of(retort.upgrade(Target.parse("+1"))).applies("001_books").completes();
    }

    @Test
    void verifiesAFailure() {
        db.reset();
        RunVerifier.of(retort("classpath:broken").upgrade(Target.HEAD))
                .applies("001_books")
                .failsIn("002_broken", MigrationExecutionException.class);
        assertThat(db.column("SELECT revision::text FROM retort_version", String.class)).containsExactly("001_books");
    }

    @Test
    void namesTheMilestoneThatDiffers() {
        db.reset();
        Retort retort = retort("classpath:db/migrations");

        assertThatThrownBy(() -> RunVerifier.of(retort.upgrade(Target.HEAD)).applies("001_books").completes())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected a plan of [001_books]")
                .hasMessageContaining("001_books, 002_isbn");
        retort.upgrade(Target.HEAD).blockLast(Duration.ofSeconds(30));
        assertThatThrownBy(() -> RunVerifier.of(retort.upgrade(Target.HEAD)).completesAt("001_books"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected the run completed after applying 0 at [001_books]");
        assertThatThrownBy(() -> RunVerifier.of(retort("classpath:broken").downgrade(Target.BASE))
                .failsIn("002_broken", MigrationExecutionException.class))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void handsOverTheRestOfTheRun() {
        db.reset();
        RunVerifier.of(retort("classpath:db/migrations").upgrade(Target.HEAD))
                .applies("001_books")
                .thenSteps()
                .expectNextMatches(event -> event.toString().contains("002_isbn"))
                .thenConsumeWhile(event -> true)
                .verifyComplete();
    }
}
