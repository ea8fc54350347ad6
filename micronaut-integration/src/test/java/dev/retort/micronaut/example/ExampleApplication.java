package dev.retort.micronaut.example;

import io.micronaut.runtime.Micronaut;

/**
 * The example service's entry point, as in any Micronaut application: Retort needs no code here.
 * (In this module's tests, {@code spec.name=example} switches its controller on.)
 */
public final class ExampleApplication {

    private ExampleApplication() {
    }

    /**
     * @param args command-line arguments, passed to Micronaut
     */
    public static void main(String[] args) {
        Micronaut.run(ExampleApplication.class, args);
    }
}
