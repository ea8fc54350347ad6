package dev.retort.internal.execute;

import dev.retort.error.BookkeepingException;
import dev.retort.error.MigrationExecutionException;
import dev.retort.error.RetortException;
import dev.retort.internal.r2dbc.ErrorTranslation;
import dev.retort.internal.r2dbc.ServerErrorFields;
import dev.retort.internal.sql.SqlStatement;
import io.r2dbc.spi.R2dbcException;

import java.util.Optional;

/**
 * What a revision's failure means for the person running it: which statement and line failed,
 * whether the revision was rolled back or left the database dirty.
 */
final class StepFailures {

    private StepFailures() {
    }

    /**
     * Maps a failure while running a batch of a revision's statements. The server positions its
     * error in the batch's text, which names the statement and line; without a position, the
     * failing statement is the first whose result did not arrive.
     *
     * @param error        the failure
     * @param revision     the revision
     * @param file         its file
     * @param batch        the statements sent together
     * @param completed    how many of them had completed
     * @param dirty        whether the failure leaves the database dirty (a non-transactional revision)
     * @param sessionEnded whether the connection is gone ({@link ErrorTranslation#sessionEnded})
     * @return the exception to emit
     */
    static Throwable statementFailed(Throwable error, String revision, String file, StatementBatch batch,
            int completed, boolean dirty, boolean sessionEnded) {
        if (error instanceof RetortException) {
            return error;
        }
        if (sessionEnded) {
            return ErrorTranslation.connectionLost(error, dirty ? Optional.of(revision) : Optional.empty());
        }
        Optional<Integer> position = error instanceof R2dbcException r2dbc
                ? ServerErrorFields.position(r2dbc).map(p -> p - 1) : Optional.empty();
        int failed = position.map(batch::partAt).orElse(Math.min(completed, batch.parts().size() - 1));
        if (batch.parts().get(failed) instanceof StatementBatch.Added added) {
            return new BookkeepingException(revision, dirty, "Revision " + revision + " (" + file + ") failed"
                    + " while " + added.role() + ": " + ErrorTranslation.describe(error) + ". " + added.advice()
                    + (added.advice().isEmpty() ? "" : " ") + outcome(dirty), error);
        }
        StatementBatch.Migration migration = (StatementBatch.Migration) batch.parts().get(failed);
        SqlStatement statement = migration.statement();
        if (ErrorTranslation.sqlState(error).isPresent()) {
            int line = position.map(batch::lineAt).orElse(statement.line());
            return new MigrationExecutionException(revision, file, line, statement.sql(),
                    ErrorTranslation.sqlState(error).get(), error.getMessage(),
                    ServerErrorFields.details((R2dbcException) error), dirty, error);
        }
        // The driver refused the batch before sending it (e.g. its own SQL parser failed).
        return new MigrationExecutionException(revision, file, statement.line(), statement.sql(), null,
                "the database driver rejected the statement: " + ErrorTranslation.describe(error),
                MigrationExecutionException.ServerDetails.NONE, dirty, error);
    }

    /** @return what a failed revision leaves behind, as a sentence */
    static String outcome(boolean dirty) {
        return dirty ? "The revision is not transactional, so the database is now dirty: inspect the schema, finish or"
                + " undo the revision's statements by hand, then run 'retort stamp' with the revision it is really at."
                : "It was rolled back.";
    }
}
