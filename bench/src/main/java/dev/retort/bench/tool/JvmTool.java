package dev.retort.bench.tool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tool that runs as a library inside a JVM the harness starts. Besides the fresh-process
 * figures, such a tool can repeat its run in one JVM (the warm, in-process no-op), and run under
 * extra JVM options (a heap limit, the flight recorder).
 */
public abstract class JvmTool implements Tool {

    private final ChildJava java;

    /** @param java how to start the child JVM */
    protected JvmTool(ChildJava java) {
        this.java = java;
    }

    /** @return the name of this tool's class path file */
    protected abstract String classpathName();

    /** @return the {@code dev.retort.bench.child.InProcessTool} class the child runs */
    protected abstract String runClass();

    /** @return JVM options the tool needs in every run (none by default) */
    protected List<String> toolOptions() {
        return List.of();
    }

    @Override
    public List<String> apply(Path dir, String database) {
        return command(dir, database, 1, List.of());
    }

    /**
     * @param dir        the migrations directory
     * @param database   the database
     * @param iterations how many times to run the migration in the one JVM
     * @param jvmOptions extra JVM options
     * @return the child's command line; it prints one {@code BENCH iteration} line per run
     */
    public List<String> command(Path dir, String database, int iterations, List<String> jvmOptions) {
        List<String> options = new ArrayList<>(toolOptions());
        options.addAll(jvmOptions);
        return java.command(classpathName(), options, runClass(), dir, database, iterations);
    }
}
