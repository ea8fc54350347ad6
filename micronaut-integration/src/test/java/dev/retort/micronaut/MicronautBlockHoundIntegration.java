package dev.retort.micronaut;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Allows, precisely, the blocking calls Micronaut itself makes on an event loop, so that
 * BlockHound reports only ours.
 */
public final class MicronautBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // HttpResponseFactory's static initialiser reads META-INF/services once per JVM, on whichever
        // thread first builds a response: here, the R2DBC driver's event loop completing a controller's Mono.
        builder.allowBlockingCallsInside("io.micronaut.http.DefaultHttpFactories", "resolveDefaultResponseFactory");
    }
}
