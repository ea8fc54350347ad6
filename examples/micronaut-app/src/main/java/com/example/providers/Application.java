package com.example.providers;

import io.micronaut.runtime.Micronaut;

/** Starts the service; Retort migrates its database first. */
public final class Application {

    private Application() {
    }

    /** @param args the command line */
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
