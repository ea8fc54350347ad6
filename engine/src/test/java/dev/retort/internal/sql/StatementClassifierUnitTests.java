package dev.retort.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.internal.sql.StatementClassifier.Classification;
import dev.retort.internal.sql.StatementClassifier.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementClassifierUnitTests {

    private static Classification classify(String sql) {
        return StatementClassifier.classify(sql);
    }

    @Nested
    class NonTransactional {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                CREATE INDEX CONCURRENTLY idx ON t (a)                       | CREATE INDEX CONCURRENTLY
                create unique index concurrently if not exists i on t (a)    | CREATE INDEX CONCURRENTLY
                CREATE INDEX CONCURRENTLY ON t (a)                           | CREATE INDEX CONCURRENTLY
                DROP INDEX CONCURRENTLY IF EXISTS idx                        | DROP INDEX CONCURRENTLY
                REINDEX INDEX CONCURRENTLY idx                               | REINDEX INDEX CONCURRENTLY
                REINDEX (VERBOSE) TABLE CONCURRENTLY t                       | REINDEX TABLE CONCURRENTLY
                REINDEX (CONCURRENTLY, TABLESPACE fast) TABLE t              | REINDEX TABLE CONCURRENTLY
                REINDEX (CONCURRENTLY true) INDEX idx                        | REINDEX INDEX CONCURRENTLY
                REINDEX SCHEMA public                                        | REINDEX SCHEMA
                REINDEX DATABASE app                                         | REINDEX DATABASE
                REINDEX SYSTEM                                               | REINDEX SYSTEM
                REINDEX SCHEMA CONCURRENTLY public                           | REINDEX SCHEMA CONCURRENTLY
                VACUUM                                                       | VACUUM
                vacuum (analyze, verbose) t                                  | VACUUM
                ALTER SYSTEM SET work_mem = '64MB'                           | ALTER SYSTEM
                CREATE DATABASE app                                          | CREATE DATABASE
                DROP DATABASE IF EXISTS app                                  | DROP DATABASE
                CREATE TABLESPACE fast LOCATION '/ssd'                       | CREATE TABLESPACE
                DROP TABLESPACE fast                                         | DROP TABLESPACE
                ALTER DATABASE app SET TABLESPACE fast                       | ALTER DATABASE SET TABLESPACE
                ALTER DATABASE "my app" SET TABLESPACE fast                  | ALTER DATABASE SET TABLESPACE
                CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p      | CREATE SUBSCRIPTION
                DROP SUBSCRIPTION s                                          | DROP SUBSCRIPTION
                ALTER SUBSCRIPTION s REFRESH PUBLICATION                     | ALTER SUBSCRIPTION REFRESH PUBLICATION
                CLUSTER                                                      | CLUSTER without a table
                CLUSTER VERBOSE                                              | CLUSTER without a table
                CLUSTER (VERBOSE)                                            | CLUSTER without a table
                DISCARD ALL                                                  | DISCARD ALL
                ALTER TABLE m DETACH PARTITION m_2020 CONCURRENTLY           | ALTER TABLE DETACH PARTITION CONCURRENTLY
                ALTER TABLE IF EXISTS s.m DETACH PARTITION s.p CONCURRENTLY  | ALTER TABLE DETACH PARTITION CONCURRENTLY
                """)
        void statementThatPostgresRefusesInATransactionIsNonTransactional(String sql, String description) {
            assertThat(classify(sql)).isEqualTo(new Classification(Kind.NON_TRANSACTIONAL, description));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "CREATE INDEX idx ON t (a)",
            "CREATE INDEX concurrently_idx ON t (a)",
            "DROP INDEX idx",
            "REINDEX INDEX idx",
            "REINDEX TABLE t",
            "REINDEX (CONCURRENTLY false) TABLE t",
            "REINDEX (CONCURRENTLY off, VERBOSE) INDEX idx",
            "CLUSTER t USING idx",
            "CLUSTER VERBOSE t",
            "ALTER TYPE mood ADD VALUE 'meh'",
            "ALTER DATABASE app SET search_path = app",
            "ALTER TABLE m DETACH PARTITION m_2020",
            "ALTER TABLE m DETACH PARTITION m_2020 FINALIZE",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY mv",
            "DISCARD PLANS",
            "ANALYZE t",
        })
        void similarStatementsThatRunInATransactionAreOrdinary(String sql) {
            assertThat(classify(sql).kind()).isEqualTo(Kind.ORDINARY);
        }
    }

    @Nested
    class TransactionControl {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                BEGIN                                       | BEGIN
                begin transaction isolation level serializable | BEGIN
                START TRANSACTION READ ONLY                 | START TRANSACTION
                COMMIT                                      | COMMIT
                commit and chain                            | COMMIT
                END                                         | END
                END TRANSACTION                             | END
                ROLLBACK                                    | ROLLBACK
                ROLLBACK WORK                               | ROLLBACK
                ROLLBACK TO SAVEPOINT s                     | ROLLBACK TO SAVEPOINT
                ROLLBACK TRANSACTION TO s                   | ROLLBACK TO SAVEPOINT
                ABORT                                       | ABORT
                SAVEPOINT s                                 | SAVEPOINT
                RELEASE SAVEPOINT s                         | RELEASE SAVEPOINT
                RELEASE s                                   | RELEASE SAVEPOINT
                PREPARE TRANSACTION 'tx1'                   | PREPARE TRANSACTION
                COMMIT PREPARED 'tx1'                       | COMMIT PREPARED
                ROLLBACK PREPARED 'tx1'                     | ROLLBACK PREPARED
                """)
        void transactionStatementIsTransactionControl(String sql, String description) {
            assertThat(classify(sql)).isEqualTo(new Classification(Kind.TRANSACTION_CONTROL, description));
        }

        @Test
        void preparedStatementNamedTransactionIsNotTransactionControl() {
            assertThat(classify("PREPARE transaction AS SELECT 1")).isEqualTo(new Classification(Kind.ORDINARY, "PREPARE"));
        }

        @Test
        void beginAtomicIsNeverATransactionStart() {
            assertThat(classify("BEGIN ATOMIC SELECT 1; END").kind()).isEqualTo(Kind.ORDINARY);
        }

        @Test
        void routineWithAtomicBodyIsOrdinaryDespiteItsBeginAndEnd() {
            String function = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END";

            assertThat(classify(function)).isEqualTo(new Classification(Kind.ORDINARY, "CREATE FUNCTION"));
        }

        @Test
        void endOnlyCountsAtTheStartOfTheStatement() {
            assertThat(classify("SELECT CASE WHEN true THEN 1 END").kind()).isEqualTo(Kind.ORDINARY);
        }
    }

    @Nested
    class ClientData {

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                COPY t FROM STDIN                                        | COPY ... FROM STDIN
                copy t from stdin;                                       | COPY ... FROM STDIN
                COPY public.t (a, b) FROM stdin WITH (FORMAT csv)         | COPY ... FROM STDIN
                COPY "Odd Table" FROM STDIN                              | COPY ... FROM STDIN
                COPY t TO STDOUT                                         | COPY ... TO STDOUT
                COPY (SELECT a FROM t WHERE b IN (1, 2)) TO STDOUT       | COPY ... TO STDOUT
                COPY /* from a file? */ t FROM STDIN                     | COPY ... FROM STDIN
                """)
        void aCopyThatTalksToTheClientIsClientData(String sql, String description) {
            assertThat(classify(sql)).isEqualTo(new Classification(Kind.CLIENT_DATA, description));
        }

        @ParameterizedTest
        @ValueSource(strings = {"COPY t FROM '/srv/data/t.csv'", "COPY t TO '/tmp/t.csv'",
                "COPY t FROM PROGRAM 'cat /srv/t.csv'", "COPY (SELECT 'STDIN') TO '/tmp/x'", "SELECT 'COPY t FROM STDIN'",
                "COPY t (stdin) FROM '/srv/x'"})
        void aCopyOnTheServerIsOrdinary(String sql) {
            assertThat(classify(sql).kind()).isEqualTo(Kind.ORDINARY);
        }
    }

    @Nested
    class Ordinary {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                CREATE TABLE t (id int)                                    | CREATE TABLE
                create or replace function f() returns int as 'select 1' language sql | CREATE FUNCTION
                ALTER TABLE t ADD COLUMN c int                             | ALTER TABLE
                DROP VIEW v                                                | DROP VIEW
                INSERT INTO t VALUES (1)                                   | INSERT
                DO $$ BEGIN COMMIT; END $$                                 | DO
                WITH x AS (SELECT 1) SELECT * FROM x                       | WITH
                (SELECT 1)                                                 | SQL statement
                """)
        void otherStatementsAreOrdinaryAndNamedByTheirVerb(String sql, String description) {
            assertThat(classify(sql)).isEqualTo(new Classification(Kind.ORDINARY, description));
        }

        @Test
        void emptyTextIsOrdinary() {
            assertThat(classify("")).isEqualTo(new Classification(Kind.ORDINARY, "SQL statement"));
        }
    }

    @Nested
    class Keywords {

        @Test
        void leadingCommentsAreSkipped() {
            String sql = "-- build it online\n/* outer /* nested */ still */ CREATE INDEX /* x */ CONCURRENTLY i ON t (a)";

            assertThat(classify(sql)).isEqualTo(new Classification(Kind.NON_TRANSACTIONAL, "CREATE INDEX CONCURRENTLY"));
        }

        @Test
        void keywordsAreCaseInsensitive() {
            assertThat(classify("Create Index Concurrently i ON t (a)").kind()).isEqualTo(Kind.NON_TRANSACTIONAL);
            assertThat(classify("cOmMiT").kind()).isEqualTo(Kind.TRANSACTION_CONTROL);
        }

        @Test
        void quotedIdentifierIsNotAKeyword() {
            assertThat(classify("CREATE INDEX \"concurrently\" ON t (a)").kind()).isEqualTo(Kind.ORDINARY);
            assertThat(classify("\"vacuum\"").kind()).isEqualTo(Kind.ORDINARY);
        }

        @Test
        void keywordInsideACommentOrStringDoesNotCount() {
            assertThat(classify("ALTER TABLE m DETACH PARTITION p /* CONCURRENTLY */").kind()).isEqualTo(Kind.ORDINARY);
            assertThat(classify("SELECT 'VACUUM'").kind()).isEqualTo(Kind.ORDINARY);
        }

        @Test
        void crlfBetweenKeywordsIsWhitespace() {
            assertThat(classify("CREATE\r\nINDEX\rCONCURRENTLY i ON t (a)").kind()).isEqualTo(Kind.NON_TRANSACTIONAL);
        }

        @Test
        void classificationRejectsNulls() {
            assertThatThrownBy(() -> new Classification(null, "x")).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new Classification(Kind.ORDINARY, null)).isInstanceOf(NullPointerException.class);
        }
    }
}
