package dev.retort.internal.sql;

import dev.retort.test.database.PostgresDatabase;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Proves {@link StatementSplitter} against SQL nobody on this project wrote: the scripts that
 * ship with PostgreSQL 15 and its contrib extensions ({@link PostgresCorpus}), with PostgreSQL's
 * own tools as the reference. Fails, never skips, on a machine without them.
 *
 * <p><b>Boundaries</b>, every file: psql reads the file in a session whose transaction is
 * already aborted, so it cuts and sends each statement while the server runs none, and its
 * {@code -L} log records every statement exactly as sent. Our statements, text and line, must
 * equal psql's once the differences {@link StatementView} documents are normalised away.
 *
 * <p><b>Execution</b>, every extension install script: our statements run one by one over R2DBC,
 * psql runs the same file, each side in its own scratch database, in a transaction that is rolled
 * back, with a savepoint per statement. Every statement must succeed or fail, with the same
 * SQLSTATE, on both sides. That also proves the statements reach the server intact: almost all of
 * them succeed, creating real types, functions, operators and index support.
 *
 * <p>Both parts together take well under a minute, so both run in every build. The figures
 * (files, bytes, statements) are printed at the end for the reliability report.
 */
class PostgresCorpusIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase psqlDatabase = new PostgresDatabase();

    @RegisterExtension
    static final PostgresDatabase r2dbcDatabase = new PostgresDatabase();

    private static final CorpusFigures BOUNDARIES = new CorpusFigures();
    private static final CorpusFigures EXECUTION = new CorpusFigures();

    @TestFactory
    Stream<DynamicTest> everyFileSplitsIntoTheStatementsPsqlSends() {
        PsqlReference psql = new PsqlReference(psqlDatabase.options());
        return scripts().stream().map(script -> dynamicTest(script.name(), () -> {
            List<StatementView> ours = StatementView.ofOurs(StatementSplitter.split(script.text(), script.name(), 1));
            List<StatementView> reference = StatementView.ofPsql(psql.statementsSent(script.text()), script.text());

            assertThat(CorpusDisagreement.find(script.name(), ours, reference, StatementView::line)).isEmpty();
            BOUNDARIES.file(script.bytes(), ours.size());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyExtensionInstallScriptRunsStatementByStatementAsUnderPsql() {
        PsqlReference psql = new PsqlReference(psqlDatabase.options());
        return scripts().stream().filter(CorpusScript::isExtensionInstall)
                .map(script -> dynamicTest(script.name(), () -> {
                    List<String> prelude = prelude(script);
                    List<StatementOutcome> reference = StatementOutcome.ofPsql(psql.runRolledBack(prelude, script.text()),
                            script.text());
                    List<StatementOutcome> ours = SavepointRun.run(r2dbcDatabase.connectionFactory(), statements(prelude, script));

                    assertThat(CorpusDisagreement.find(script.name(), ours, reference, o -> o.statement().line())).isEmpty();
                    List<StatementOutcome> scriptOutcomes = ours.subList(prelude.size(), ours.size());
                    EXECUTION.file(script.bytes(), scriptOutcomes.size());
                    EXECUTION.succeeded(StatementOutcome.succeeded(scriptOutcomes));
                }));
    }

    /**
     * The one known place where psql is not the reference: it scans a line at a time and so never
     * sees an escape string continue on the next line. The server does, and the splitter follows
     * the server. (r2dbc-postgresql's own parser rejects such a statement as an unclosed quote
     * before sending it, so the server is asked through psql {@code -c}, which sends it whole.)
     */
    @Test
    void escapeStringContinuedOnTheNextLineIsOneStatementForTheServerThoughPsqlCutsIt() {
        String script = "SELECT E'a'\n'\\'; x' AS s;\n";
        PsqlReference psql = new PsqlReference(psqlDatabase.options());

        List<SqlStatement> ours = StatementSplitter.split(script, "continuation.sql", 1);

        assertThat(ours).extracting(SqlStatement::sql).containsExactly("SELECT E'a'\n'\\'; x' AS s");
        assertThat(psql.valueOf(ours.get(0).sql())).isEqualTo("a'; x");
        assertThat(psql.statementsSent(script)).first().isEqualTo("SELECT E'a'\n'\\';");
    }

    private static List<CorpusScript> scripts() {
        return PostgresCorpus.locate().scripts(String.valueOf(r2dbcDatabase.options().getValue(ConnectionFactoryOptions.USER)));
    }

    @AfterAll
    static void reportFigures() {
        System.out.println(BOUNDARIES.summary("Corpus boundaries compared with psql"));
        System.out.println(EXECUTION.summary("Corpus extension install scripts executed over R2DBC and psql"));
    }

    /**
     * What {@code CREATE EXTENSION} sets up before running a script: the target schema first on
     * the search path, then {@code pg_temp}; and the extensions it requires, installed first.
     */
    private static List<String> prelude(CorpusScript script) {
        List<String> prelude = new ArrayList<>();
        prelude.add("CREATE SCHEMA " + CorpusScript.EXTENSION_SCHEMA);
        prelude.add("SET LOCAL search_path = " + script.schema() + ", pg_temp");
        script.control().requires().forEach(required -> prelude.add("CREATE EXTENSION \"" + required + "\""));
        return prelude;
    }

    private static List<StatementView> statements(List<String> prelude, CorpusScript script) {
        List<StatementView> statements = new ArrayList<>();
        prelude.forEach(sql -> statements.add(new StatementView(0, sql)));
        statements.addAll(StatementView.ofOurs(StatementSplitter.split(script.text(), script.name(), 1)));
        return statements;
    }
}
