package dev.retort.micronaut;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes BlockHound (installed for every test by blockhound-junit-platform) remember each blocking
 * call it catches on a non-blocking thread, before failing it as usual. A blocking call on an
 * event loop may surface only as a logged error in a fire-and-forget path; tests assert on this
 * record instead of hoping the error reaches them.
 */
public final class BlockingCallRecorder implements BlockHoundIntegration {

    private static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.blockingMethodCallback(method -> {
            CALLS.add(method + " on thread " + Thread.currentThread().getName());
            throw new BlockingOperationError(method);
        });
    }

    /** @return the blocking calls caught since the last {@link #clear()} */
    static List<String> calls() {
        return List.copyOf(CALLS);
    }

    static void clear() {
        CALLS.clear();
    }
}
