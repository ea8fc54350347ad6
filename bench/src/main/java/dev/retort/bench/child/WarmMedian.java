package dev.retort.bench.child;

import java.util.Arrays;

/** The median time of a piece of work once the JIT has warmed to it: the later runs of one loop. */
final class WarmMedian {

    private WarmMedian() {
    }

    /**
     * @param work     what to time
     * @param runs     how many times to run it
     * @param measured how many of the last runs count
     * @return the median of the last {@code measured} runs, in milliseconds
     */
    static double millis(Runnable work, int runs, int measured) {
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            work.run();
            nanos[i] = System.nanoTime() - started;
        }
        long[] last = Arrays.copyOfRange(nanos, runs - measured, runs);
        Arrays.sort(last);
        return last[measured / 2] / 1e6;
    }
}
