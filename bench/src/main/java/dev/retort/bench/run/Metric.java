package dev.retort.bench.run;

/** The figures the runner records per workload size and tool. Times are in milliseconds. */
public enum Metric {
    /** Apply N from empty, fresh process, start to exit. */
    APPLY_MS,
    /** The same run as measured inside the child: configuration and migration, no JVM start-up. */
    APPLY_IN_PROCESS_MS,
    /** Peak resident memory of the apply process, MiB. */
    APPLY_RSS_MIB,
    /** No-op run with N applied, fresh process, start to exit. */
    NOOP_MS,
    /** The no-op run as measured inside the child (configuration and the run, no JVM start or exit). */
    NOOP_IN_PROCESS_MS,
    /** No-op fresh process: from process start to the child's main (JVM start-up). */
    NOOP_STARTUP_MS,
    /** No-op fresh process: from the child's last mark to the process's end (JVM exit). */
    NOOP_EXIT_MS,
    /** Peak resident memory of the no-op process, MiB. */
    NOOP_RSS_MIB,
    /**
     * A deploy that brings one migration to a database at N, fresh process, start to exit: what
     * every release with a migration pays.
     */
    DEPLOY_ONE_MS,
    /** No-op run repeated in one JVM: the median of the runs after the warm-up ones. */
    NOOP_WARM_MS,
    /**
     * The same loop's runs 6–15, while the JIT is still compiling: a connection's code runs once per
     * run, so it takes tens of runs to be compiled at all.
     */
    NOOP_WARMING_MS
}
