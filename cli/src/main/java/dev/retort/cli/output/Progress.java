package dev.retort.cli.output;

import dev.retort.event.RevisionStarted;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A one-line progress indicator on standard error, {@code [ 3/40]  5%  ETA 0:42  upgrade 003_x},
 * redrawn in place. Shown only to a person at a terminal and only for runs long enough to need
 * it; the per-revision lines on standard output stay the record of what happened.
 */
final class Progress {

    /** Shorter runs finish before an indicator would tell anyone anything. */
    static final int MIN_REVISIONS = 5;

    private static final String CLEAR_LINE = "\r\u001b[K";

    private final PrintStream err;
    private final boolean enabled;
    private long startedNanos;
    private boolean shown;

    Progress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    void started(RevisionStarted revision) {
        if (!enabled || revision.total() < MIN_REVISIONS) {
            return;
        }
        if (revision.index() == 1) {
            startedNanos = System.nanoTime();
        }
        int done = revision.index() - 1;
        err.print(CLEAR_LINE + String.format("[%" + width(revision.total()) + "d/%d] %3d%%  ETA %s  %s %s",
                revision.index(), revision.total(), done * 100 / revision.total(), eta(done, revision.total()),
                revision.operation().label(), revision.revision()));
        err.flush();
        shown = true;
    }

    /** Removes the indicator, so that a line printed next starts at the left margin. */
    void clear() {
        if (shown) {
            err.print(CLEAR_LINE);
            err.flush();
            shown = false;
        }
    }

    private String eta(int done, int total) {
        if (done == 0) {
            return "--:--";
        }
        long elapsed = System.nanoTime() - startedNanos;
        Duration remaining = Duration.ofNanos(elapsed / done * (total - done));
        return String.format("%d:%02d", remaining.toMinutes(), remaining.toSecondsPart());
    }

    private static int width(int total) {
        return Integer.toString(total).length();
    }
}
