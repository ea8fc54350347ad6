package dev.retort.internal.plan;

import dev.retort.Operation;
import dev.retort.error.MigrationFileException;
import dev.retort.internal.graph.Direction;
import dev.retort.internal.graph.Step;
import dev.retort.internal.source.Catalog;
import dev.retort.internal.source.Script;
import dev.retort.internal.source.Section;
import dev.retort.internal.sql.SqlStatement;
import dev.retort.internal.sql.StatementClassifier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * Turns a plan into runnable steps and checks them all before anything runs: a missing downgrade
 * section, a statement that cannot run in a transaction inside a transactional file, and explicit
 * transaction control are all rejected up front, naming the file and line.
 */
public final class StepPreparation {

    private StepPreparation() {
    }

    /**
     * Checks every statement of every step on a bounded-elastic worker: splitting is CPU work and
     * a large section is read from its file.
     *
     * @param steps   the plan's steps
     * @param catalog the scripts
     * @return the prepared steps, in plan order; fails with a {@link MigrationFileException} for
     *     the first statement that cannot run as written
     */
    public static Mono<List<PreparedStep>> prepare(List<Step> steps, Catalog catalog) {
        return Flux.fromIterable(steps)
                .concatMap(step -> checked(prepare(step, catalog.script(step.revision()))))
                .collectList()
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static PreparedStep prepare(Step step, Script script) {
        Operation operation = step.direction() == Direction.UPGRADE ? Operation.UPGRADE : Operation.DOWNGRADE;
        return new PreparedStep(step, script, operation, section(script, operation));
    }

    private static Mono<PreparedStep> checked(PreparedStep step) {
        // Hashed here, on this worker, rather than when the step is recorded on an event loop.
        step.script().checksum();
        return step.statements().doOnNext(statement -> check(step.script(), statement)).then(Mono.just(step));
    }

    private static Section section(Script script, Operation operation) {
        if (operation == Operation.UPGRADE) {
            return script.upgrade();
        }
        return script.downgrade().orElseThrow(() -> new MigrationFileException(script.location(), 0,
                "revision " + script.id() + " has no '-- +downgrade' section, so it cannot be downgraded; add one"
                        + " with the statements that undo its upgrade, or choose a target that keeps it applied"));
    }

    private static void check(Script script, SqlStatement statement) {
        StatementClassifier.Classification classification = StatementClassifier.classify(statement.sql());
        switch (classification.kind()) {
            case ORDINARY -> {
            }
            case NON_TRANSACTIONAL -> {
                if (script.transactional()) {
                    throw new MigrationFileException(script.location(), statement.line(),
                            classification.description() + " cannot run inside a transaction; add the header line"
                                    + " '-- transactional: false' to this file (its statements then run one by one"
                                    + " in autocommit), or move the statement to a revision of its own");
                }
            }
            case CLIENT_DATA -> throw new MigrationFileException(script.location(), statement.line(),
                    classification.description() + " exchanges data with the client, which a migration run does not"
                            + " do (any data lines after it are psql's format, not SQL); load data with INSERT ..."
                            + " VALUES or INSERT ... SELECT, or with COPY from a file on the database server, or run"
                            + " the load with psql outside the migration");
            case TRANSACTION_CONTROL -> throw new MigrationFileException(script.location(), statement.line(),
                    classification.description() + " is not allowed in a migration: Retort runs each revision in"
                            + " its own transaction; remove it, or use '-- transactional: false' for statements that"
                            + " must run outside a transaction");
        }
    }
}
