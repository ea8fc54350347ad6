package dev.retort.bench.tool;

import dev.retort.bench.run.Server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a child JVM that runs one tool in-process
 * ({@code dev.retort.bench.child.ChildMain}). Each tool gets only its own dependencies on the class
 * path (written by the build to {@code target/classpath/<tool>.classpath}), so that no tool pays
 * for scanning another tool's jars.
 *
 * @param java          the java launcher
 * @param benchClasses  the benchmark's compiled classes
 * @param classpathDir  the directory of per-tool class path files
 * @param server        the server, passed to the child as system properties
 */
public record ChildJava(Path java, Path benchClasses, Path classpathDir, Server server) {

    private static final String MAIN = "dev.retort.bench.child.ChildMain";

    /**
     * @param classpathName the class path file's name without extension
     * @param jvmOptions    extra JVM options (heap limit, flight recorder, tool settings)
     * @param runClass      the {@code InProcessTool} implementation the child instantiates
     * @param dir           the migrations directory
     * @param database      the database
     * @param iterations    how many runs the child does in one JVM
     * @return the command line
     */
    public List<String> command(String classpathName, List<String> jvmOptions, String runClass, Path dir,
            String database, int iterations) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(server.systemProperties());
        command.add("-cp");
        command.add(benchClasses + File.pathSeparator + classpath(classpathName));
        command.add(MAIN);
        command.add(runClass);
        command.add(dir.toString());
        command.add(database);
        command.add(Integer.toString(iterations));
        return command;
    }

    private String classpath(String name) {
        Path file = classpathDir.resolve(name + ".classpath");
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("No class path for " + name + " at " + file
                    + "; build the bench module first (bench/run.sh does)", e);
        }
    }
}
