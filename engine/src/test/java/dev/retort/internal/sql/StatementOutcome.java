package dev.retort.internal.sql;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * How the server answered one statement: {@link #OK}, or the SQLSTATE of the error.
 *
 * @param statement the statement
 * @param outcome   {@link #OK} or a five-character SQLSTATE
 */
record StatementOutcome(StatementView statement, String outcome) {

    static final String OK = "ok";

    /** @return how many of {@code outcomes} succeeded */
    static int succeeded(List<StatementOutcome> outcomes) {
        return (int) outcomes.stream().filter(outcome -> outcome.outcome().equals(OK)).count();
    }

    @Override
    public String toString() {
        return statement.line() + ": " + outcome + ": " + statement.text();
    }

    /**
     * Pairs psql's statements with their results. psql logs a result for every statement that
     * succeeded (at least its command tag) and nothing for one that failed, whose SQLSTATE is the
     * next in {@code run.errors()}.
     *
     * @param run    a {@link PsqlReference#runRolledBack} run
     * @param script the script psql read, to find each statement's line in
     * @return the outcomes, comment-only statements left out
     */
    static List<StatementOutcome> ofPsql(PsqlReference.Run run, String script) {
        List<PsqlLog.Entry> entries = run.entries().stream()
                .filter(entry -> !StatementView.comparable(entry.query()).isEmpty())
                .toList();
        List<StatementView> views = StatementView.ofPsql(entries.stream().map(PsqlLog.Entry::query).toList(), script);
        Iterator<String> errors = run.errors().iterator();
        List<StatementOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            boolean failed = entries.get(i).output().isEmpty();
            if (failed && !errors.hasNext()) {
                throw new IllegalStateException("psql logged no result for more statements than it reported errors: "
                        + run);
            }
            outcomes.add(new StatementOutcome(views.get(i), failed ? errors.next() : OK));
        }
        if (errors.hasNext()) {
            throw new IllegalStateException("psql reported more errors than statements without a result: " + run);
        }
        return outcomes;
    }
}
