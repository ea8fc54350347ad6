package dev.retort.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What every measurement needs: where to put files, how to run processes, the scratch databases,
 * and where results go.
 *
 * @param workDir   generated migration files, one directory per workload and tool
 * @param processes runs and measures processes
 * @param databases the scratch databases
 * @param results   the collected results
 */
public record Harness(Path workDir, ProcessRunner processes, Databases databases, Results results) {

    /**
     * @param relative a path below the work directory
     * @return that directory, emptied (or created)
     * @throws IOException when it cannot be deleted or created
     */
    public Path freshDirectory(String relative) throws IOException {
        Path dir = workDir.resolve(relative);
        if (Files.exists(dir)) {
            try (Stream<Path> tree = Files.walk(dir)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /**
     * @param nanos a duration in nanoseconds
     * @return the same in milliseconds
     */
    public static double millis(long nanos) {
        return nanos / 1e6;
    }
}
