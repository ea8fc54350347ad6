package dev.retort.cli.output;

import dev.retort.Operation;
import dev.retort.event.LockAcquired;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RevisionApplied;
import dev.retort.event.RevisionRetried;
import dev.retort.event.RevisionStarted;
import dev.retort.event.RunCompleted;
import dev.retort.event.RunPlanned;
import dev.retort.event.RunStarted;
import dev.retort.event.StatementExecuted;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Prints a run's events for people: what the run will do, one line per revision applied with its
 * duration, and a summary; each statement too with {@code --verbose}.
 */
final class HumanRunPrinter implements Consumer<MigrationEvent> {

    /** A shorter wait for the lock is not worth mentioning. */
    private static final Duration NOTABLE_LOCK_WAIT = Duration.ofSeconds(1);

    private final Text text;
    private final Styles styles;
    private final boolean verbose;
    private final Progress progress;
    private Operation operation = Operation.UPGRADE;
    private String target = "";
    private String message = "";

    HumanRunPrinter(Text text, boolean verbose, Progress progress) {
        this.text = text;
        this.styles = text.styles();
        this.verbose = verbose;
        this.progress = progress;
    }

    @Override
    public void accept(MigrationEvent event) {
        if (event instanceof RunStarted started) {
            operation = started.operation();
            target = started.target();
        } else if (event instanceof LockAcquired lock && lock.waited().compareTo(NOTABLE_LOCK_WAIT) >= 0) {
            text.line(styles.dim("Waited " + Words.duration(lock.waited()) + " for another run's migration lock."));
        } else if (event instanceof RunPlanned planned) {
            text.line(plan(planned));
            planned.newSchema().ifPresent(schema -> text.line(styles.warning("Schema " + schema + " does not exist: it is"
                    + " created, with Retort's tables, in the transaction of the first change (check --schema if that"
                    + " is not what you meant).")));
        } else if (event instanceof RevisionStarted started) {
            message = started.message();
            progress.started(started);
        } else if (event instanceof StatementExecuted statement && verbose) {
            progress.clear();
            text.line(styles.dim("    line " + statement.line() + ": " + Words.count(statement.rowsUpdated(), "row")
                    + " (" + Words.duration(statement.duration()) + ")"));
        } else if (event instanceof RevisionRetried retried) {
            progress.clear();
            text.line(styles.warning("  retry " + retried.revision() + " in " + Words.duration(retried.delay()) + " ("
                    + retried.retry() + " of " + retried.retries() + "): " + retried.reason()));
        } else if (event instanceof RevisionApplied applied) {
            progress.clear();
            text.line(applied(applied));
        } else if (event instanceof RunCompleted completed) {
            progress.clear();
            summary(completed);
        }
    }

    /** {@code   upgrade 001_add_version_column  Add version column (12 ms)} */
    private String applied(RevisionApplied applied) {
        return "  " + applied.operation().label() + " " + styles.revision(applied.revision())
                + (message.isEmpty() ? "" : "  " + message)
                + " " + styles.dim("(" + Words.duration(applied.duration()) + ")");
    }

    private String plan(RunPlanned planned) {
        String from = Words.heads(planned.currentHeads());
        if (operation == Operation.STAMP) {
            return "Stamping " + from + " -> " + Words.heads(planned.revisions()) + " (no migration runs).";
        }
        if (planned.revisions().isEmpty()) {
            return "Nothing to " + operation.label() + ": the database is at " + from + ".";
        }
        String verb = operation == Operation.UPGRADE ? "Upgrading" : "Downgrading";
        return verb + " from " + from + " to " + target + ": "
                + Words.count(planned.revisions().size(), "revision") + ".";
    }

    private void summary(RunCompleted completed) {
        String at = Words.heads(completed.heads());
        if (operation == Operation.STAMP) {
            text.line(styles.success("Stamped: the database is at " + at + "."));
        } else if (completed.applied() > 0) {
            text.line(styles.success("Done: " + Words.count(completed.applied(), "revision") + " in "
                    + Words.duration(completed.duration()) + "; the database is at " + at + "."));
        }
    }
}
