package dev.retort.test;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The blocking calls BlockHound must tolerate in code that is not ours, each named precisely.
 * Loaded by BlockHound through {@code META-INF/services} in every module's tests.
 */
public final class DriverBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // r2dbc-postgresql's SCRAM-SHA-256 authentication draws its client nonce from SecureRandom
        // on the event loop, which reads /dev/urandom: a kernel device that never blocks once the
        // system has booted. Only a password-checking server exercises it (PasswordCheckingServer).
        builder.allowBlockingCallsInside("com.ongres.scram.common.ScramFunctions", "nonce");
        // Netty's adaptive buffer allocator (the default since Netty 4.2) guards its magazines with
        // a StampedLock held for a few instructions; under contention, as when twenty runs start
        // at once, a thread parks on it for microseconds. An allocator detail, not I/O.
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
    }
}
