package dev.retort.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code retort --version}: the version the jar's manifest records. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"retort " + (version != null ? version : "(development build)"),
                "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
