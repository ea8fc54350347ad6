package dev.retort.bench.tool;

import dev.retort.bench.run.Server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code retort} command: {@code java <launcher options> -jar retort.jar upgrade heads}, on the
 * same revision files as the library. The JVM options default to those of the distribution's
 * {@code bin/retort} launcher, since that is how users run it.
 */
public final class RetortCliTool implements RevisionFiles {

    /**
     * The options of the {@code bin/retort} launcher: C1 only, serial GC, class-data sharing; like
     * the launcher, {@link #apply} adds the archive {@code retort.jsa} it writes beside the jar.
     */
    public static final String LAUNCHER_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto";

    private final Path java;
    private final Path jar;
    private final List<String> jvmOptions;
    private final Server server;

    /**
     * @param java       the java launcher
     * @param jar        the CLI's runnable jar
     * @param jvmOptions JVM options, usually {@link #LAUNCHER_OPTIONS}
     * @param server     the server
     */
    public RetortCliTool(Path java, Path jar, List<String> jvmOptions, Server server) {
        this.java = java;
        this.jar = jar;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.server = server;
    }

    @Override
    public String id() {
        return "retort-cli";
    }

    @Override
    public String label() {
        return "Retort (CLI)";
    }

    @Override
    public Optional<String> unavailable() {
        // A benchmark may skip what is not built; a test could not.
        return Files.isRegularFile(jar) ? Optional.empty()
                : Optional.of("CLI jar not found at " + jar + "; build it with mvn -pl cli package");
    }

    @Override
    public List<String> apply(Path dir, String database) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        archive().ifPresent(archive -> command.add("-XX:SharedArchiveFile=" + archive));
        command.addAll(List.of("-jar", jar.toString(), "--url", server.r2dbcUrl(database),
                "--migrations", dir.toString(), "upgrade", "heads"));
        return command;
    }

    private Optional<Path> archive() {
        Path archive = jar.resolveSibling("retort.jsa");
        boolean chosen = jvmOptions.stream().anyMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
        return Files.isRegularFile(archive) && !chosen ? Optional.of(archive) : Optional.empty();
    }

    @Override
    public String note() {
        return "JVM options " + String.join(" ", jvmOptions)
                + archive().map(archive -> " -XX:SharedArchiveFile=" + archive.getFileName()).orElse("");
    }
}
