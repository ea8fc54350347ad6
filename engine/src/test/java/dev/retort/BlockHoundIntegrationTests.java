package dev.retort;

import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.nio.file.Path;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that BlockHound watches these tests: a deliberate blocking call on a non-blocking
 * thread fails. Every other engine test runs under the same agent, so a blocking call anywhere
 * in the engine's pipelines would fail them.
 */
class BlockHoundIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @Test
    void aBlockingCallOnANonBlockingThreadIsDetected() {
        Mono<Object> blocking = Mono.fromCallable(() -> {
            Thread.sleep(1);
            return (Object) "slept";
        }).subscribeOn(Schedulers.parallel());

        StepVerifier.create(blocking)
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(BlockingOperationError.class));
    }

    @Test
    void aBlockingCallOnTheDriversEventLoopIsDetected() {
        Mono<Object> onEventLoop = Mono.from(db.connectionFactory().create())
                .flatMap(c -> Mono.from(c.createStatement("SELECT 1").execute())
                        .flatMap(r -> Mono.from(r.map(row -> row.get(0))))
                        .map(v -> {
                            try {
                                Thread.sleep(1);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return v;
                        })
                        .doFinally(s -> Mono.from(c.close()).subscribe()));

        StepVerifier.create(onEventLoop)
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(BlockingOperationError.class));
    }

    @Test
    void aWholeRunOfTheExampleMigrationsDoesNotBlock() {
        Retort retort = Retort.builder(db.connectionFactory())
                .migrations(MigrationSources.directory(Path.of("..", "migrations", "provider-registration"))).build();

        StepVerifier.create(retort.upgrade(Target.HEADS).then(retort.downgrade(Target.BASE).then()))
                .verifyComplete();
        assertThat(retort.current().block(PATIENCE)).isEmpty();
    }
}
