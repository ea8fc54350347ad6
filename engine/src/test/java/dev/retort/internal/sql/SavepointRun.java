package dev.retort.internal.sql;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs statements one by one over R2DBC, as the engine sends them, inside one transaction that is
 * rolled back at the end; each statement gets its own savepoint so that a failure affects only
 * that statement, as under psql's {@code ON_ERROR_ROLLBACK}. Blocks: for the test thread only.
 */
final class SavepointRun {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SAVEPOINT = "corpus_statement";

    private SavepointRun() {
    }

    /**
     * @param factory    where to run
     * @param statements the statements, each with the line it is reported at
     * @return each statement's outcome, in order
     */
    static List<StatementOutcome> run(ConnectionFactory factory, List<StatementView> statements) {
        Connection connection = Mono.from(factory.create()).block(TIMEOUT);
        try {
            Mono.from(connection.beginTransaction()).block(TIMEOUT);
            List<StatementOutcome> outcomes = new ArrayList<>();
            for (StatementView statement : statements) {
                outcomes.add(new StatementOutcome(statement, runOne(connection, statement.text())));
            }
            Mono.from(connection.rollbackTransaction()).block(TIMEOUT);
            return outcomes;
        } finally {
            Mono.from(connection.close()).block(TIMEOUT);
        }
    }

    private static String runOne(Connection connection, String sql) {
        Mono.from(connection.createSavepoint(SAVEPOINT)).block(TIMEOUT);
        try {
            Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).blockLast(TIMEOUT);
            Mono.from(connection.releaseSavepoint(SAVEPOINT)).block(TIMEOUT);
            return StatementOutcome.OK;
        } catch (R2dbcException e) {
            Mono.from(connection.rollbackTransactionToSavepoint(SAVEPOINT)).block(TIMEOUT);
            return e.getSqlState();
        }
    }
}
