package dev.retort.micronaut;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails a test during which BlockHound caught a blocking call on a non-blocking thread (an event
 * loop, a Reactor parallel worker), even one whose error never reached the test.
 */
final class NoBlockingCalls implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        BlockingCallRecorder.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertThat(BlockingCallRecorder.calls()).as("blocking calls on non-blocking threads").isEmpty();
    }
}
