package dev.retort.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.retort.error.MigrationFileException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StatementSplitterUnitTests {

    private static final String FILE = "V1__test.sql";

    private static List<SqlStatement> split(String text) {
        return StatementSplitter.split(text, FILE, 1);
    }

    private static List<String> sqls(String text) {
        return split(text).stream().map(SqlStatement::sql).toList();
    }

    private static MigrationFileException splitError(String text) {
        Throwable thrown = catchThrowable(() -> split(text));
        assertThat(thrown).isInstanceOf(MigrationFileException.class);
        return (MigrationFileException) thrown;
    }

    @Nested
    class Basics {

        @Test
        void semicolonsSeparateStatements() {
            assertThat(sqls("SELECT 1; SELECT 2;")).containsExactly("SELECT 1", "SELECT 2");
        }

        @Test
        void finalStatementWithoutSemicolonIsReturned() {
            assertThat(sqls("SELECT 1;\nSELECT 2")).containsExactly("SELECT 1", "SELECT 2");
        }

        @Test
        void emptyStatementsProduceNothing() {
            assertThat(sqls(";;SELECT 1;; ;\n;")).containsExactly("SELECT 1");
        }

        @Test
        void emptyInputProducesNothing() {
            assertThat(sqls("")).isEmpty();
            assertThat(sqls(" \n\t ")).isEmpty();
        }

        @Test
        void leadingAndTrailingWhitespaceIsTrimmedButInnerWhitespaceKept() {
            assertThat(sqls("  \n\tSELECT\n  1 ,\t2 \n\t ;")).containsExactly("SELECT\n  1 ,\t2");
        }

        @Test
        void semicolonInsideParenthesesStillSplits() {
            assertThat(sqls("SELECT (1; SELECT 2)")).containsExactly("SELECT (1", "SELECT 2)");
        }

        @Test
        void positionalParameterIsOrdinaryText() {
            assertThat(sqls("SELECT $1, $2::int; SELECT 3")).containsExactly("SELECT $1, $2::int", "SELECT 3");
        }
    }

    @Nested
    class SingleQuotes {

        @Test
        void semicolonInsideStringDoesNotSplit() {
            assertThat(sqls("INSERT INTO t VALUES ('a;b'); SELECT 1"))
                    .containsExactly("INSERT INTO t VALUES ('a;b')", "SELECT 1");
        }

        @Test
        void doubledQuoteIsAnEscapedQuote() {
            assertThat(sqls("SELECT 'it''s; fine'; SELECT 2")).containsExactly("SELECT 'it''s; fine'", "SELECT 2");
        }

        @Test
        void backslashIsLiteralSoQuoteAfterItClosesTheString() {
            assertThat(sqls("SELECT 'a\\'; SELECT 'b'")).containsExactly("SELECT 'a\\'", "SELECT 'b'");
        }

        @Test
        void stringMaySpanLinesAndHideCommentMarkers() {
            assertThat(sqls("SELECT 'x\n-- not a comment;\n/* nor this; */'; SELECT 2"))
                    .containsExactly("SELECT 'x\n-- not a comment;\n/* nor this; */'", "SELECT 2");
        }

        @Test
        void prefixedStringsAreOrdinaryStrings() {
            assertThat(sqls("SELECT U&'d\\0061t;a', B'1;0', X'1F;', N'n;'; SELECT 2"))
                    .containsExactly("SELECT U&'d\\0061t;a', B'1;0', X'1F;', N'n;'", "SELECT 2");
        }

        @Test
        void identifierEndingInEBeforeQuoteDoesNotMakeAnEscapeString() {
            // namE'a\' is not an E-string, so the backslash is literal and the quote closes it.
            assertThat(sqls("SELECT namE'a\\'; SELECT 2")).containsExactly("SELECT namE'a\\'", "SELECT 2");
        }
    }

    @Nested
    class EscapeStrings {

        @Test
        void backslashQuoteDoesNotEndEscapeString() {
            assertThat(sqls("SELECT E'it\\'s; fine'; SELECT 2")).containsExactly("SELECT E'it\\'s; fine'", "SELECT 2");
        }

        @Test
        void lowerCaseEPrefixWorksToo() {
            assertThat(sqls("SELECT e'\\'; still'; SELECT 2")).containsExactly("SELECT e'\\'; still'", "SELECT 2");
        }

        @Test
        void doubledQuoteAlsoEscapes() {
            assertThat(sqls("SELECT E'a''b;c'; SELECT 2")).containsExactly("SELECT E'a''b;c'", "SELECT 2");
        }

        @Test
        void escapedBackslashBeforeQuoteLetsTheQuoteClose() {
            assertThat(sqls("SELECT E'a\\\\'; SELECT 2")).containsExactly("SELECT E'a\\\\'", "SELECT 2");
        }

        @Test
        void escapeStringAtTheStartOfAStatementIsRecognised() {
            assertThat(split("SELECT 1;\nE'\\';';")).containsExactly(
                    new SqlStatement("SELECT 1", 1), new SqlStatement("E'\\';'", 2));
        }

        @Test
        void escapeStringRightAfterPunctuationIsRecognised() {
            assertThat(sqls("SELECT (E'\\';'); SELECT 2")).containsExactly("SELECT (E'\\';')", "SELECT 2");
        }

        @Test
        void stringContinuedOnTheNextLineIsStillAnEscapeString() {
            // The server reads one constant, a'; x, so the first semicolon is inside it.
            assertThat(sqls("SELECT E'a'\n'\\'; x' AS s; SELECT 2")).containsExactly("SELECT E'a'\n'\\'; x' AS s", "SELECT 2");
        }

        @Test
        void continuationMayFollowLineCommentsAndMoreLines() {
            assertThat(sqls("SELECT E'a' -- first part\n\n  -- more\n  '\\';' AS s; SELECT 2"))
                    .containsExactly("SELECT E'a' -- first part\n\n  -- more\n  '\\';' AS s", "SELECT 2");
        }

        @Test
        void stringOnTheSameLineOrAfterABlockCommentDoesNotContinue() {
            assertThat(sqls("SELECT E'a' '\\'; SELECT 2")).containsExactly("SELECT E'a' '\\'", "SELECT 2");
            assertThat(sqls("SELECT E'a' /* c */\n'\\'; SELECT 2")).containsExactly("SELECT E'a' /* c */\n'\\'", "SELECT 2");
        }

        @Test
        void continuedOrdinaryStringKeepsItsBackslashLiteral() {
            assertThat(sqls("SELECT 'a'\n'\\'; SELECT 2")).containsExactly("SELECT 'a'\n'\\'", "SELECT 2");
        }
    }

    @Nested
    class QuotedIdentifiers {

        @Test
        void semicolonInsideQuotedIdentifierDoesNotSplit() {
            assertThat(sqls("CREATE TABLE \"a;b\" (x int); SELECT 1"))
                    .containsExactly("CREATE TABLE \"a;b\" (x int)", "SELECT 1");
        }

        @Test
        void doubledDoubleQuoteIsEscaped() {
            assertThat(sqls("SELECT 1 AS \"say \"\"hi;\"\"\"; SELECT 2"))
                    .containsExactly("SELECT 1 AS \"say \"\"hi;\"\"\"", "SELECT 2");
        }

        @Test
        void singleQuoteInsideQuotedIdentifierIsOrdinary() {
            assertThat(sqls("SELECT 1 AS \"it's\"; SELECT 2")).containsExactly("SELECT 1 AS \"it's\"", "SELECT 2");
        }
    }

    @Nested
    class DollarQuotes {

        @Test
        void dollarQuotedBodyWithSemicolonIsOneStatement() {
            assertThat(sqls("DO $$ BEGIN PERFORM 1; END $$; SELECT 2"))
                    .containsExactly("DO $$ BEGIN PERFORM 1; END $$", "SELECT 2");
        }

        @Test
        void taggedDollarQuoteClosesOnlyOnItsOwnTag() {
            assertThat(sqls("SELECT $a$ $b$ ; $b$ $a$; SELECT 2"))
                    .containsExactly("SELECT $a$ $b$ ; $b$ $a$", "SELECT 2");
        }

        @Test
        void emptyTagIsNotClosedByATaggedDelimiter() {
            assertThat(sqls("SELECT $$ $x$ ; $$; SELECT 2")).containsExactly("SELECT $$ $x$ ; $$", "SELECT 2");
        }

        @Test
        void quotesAndCommentMarkersInsideDollarQuoteAreText() {
            assertThat(sqls("SELECT $q$ it's -- not; /* a comment $q$; SELECT 2"))
                    .containsExactly("SELECT $q$ it's -- not; /* a comment $q$", "SELECT 2");
        }

        @Test
        void partialClosingTagDoesNotClose() {
            assertThat(sqls("SELECT $ab$ $a$ ; $ab $$ab$; SELECT 2"))
                    .containsExactly("SELECT $ab$ $a$ ; $ab $$ab$", "SELECT 2");
        }

        @Test
        void tagsAreCaseSensitive() {
            assertThat(sqls("SELECT $Tag$ $tag$; $Tag$; SELECT 2")).containsExactly("SELECT $Tag$ $tag$; $Tag$", "SELECT 2");
        }

        @Test
        void tagMayContainDigitsUnderscoresAndNonAsciiLetters() {
            assertThat(sqls("SELECT $_fn2é$ ; $_fn2é$; SELECT 2")).containsExactly("SELECT $_fn2é$ ; $_fn2é$", "SELECT 2");
        }

        @Test
        void dollarInsideIdentifierIsNotAQuote() {
            assertThat(sqls("SELECT foo$bar, a$1$; SELECT 2")).containsExactly("SELECT foo$bar, a$1$", "SELECT 2");
        }

        @Test
        void positionalParameterIsNotAQuote() {
            assertThat(sqls("SELECT $1; SELECT $2")).containsExactly("SELECT $1", "SELECT $2");
        }

        @Test
        void dollarQuoteCanFollowAnOperatorOrParenthesis() {
            assertThat(sqls("SELECT ($$;$$||$t$;$t$); SELECT 2")).containsExactly("SELECT ($$;$$||$t$;$t$)", "SELECT 2");
        }

        @Test
        void plpgsqlTriggerFunctionIsOneStatement() {
            String function = """
                    CREATE FUNCTION bump_version() RETURNS trigger AS $$
                    BEGIN NEW.version := OLD.version + 1; RETURN NEW; END;
                    $$ LANGUAGE plpgsql""";
            String text = function + ";\nCREATE TRIGGER t BEFORE UPDATE ON doc FOR EACH ROW EXECUTE FUNCTION bump_version();\n";

            List<SqlStatement> statements = split(text);

            assertThat(statements).containsExactly(
                    new SqlStatement(function, 1),
                    new SqlStatement("CREATE TRIGGER t BEFORE UPDATE ON doc FOR EACH ROW EXECUTE FUNCTION bump_version()", 4));
        }
    }

    /** Where a number ends decides whether a following {@code --} or {@code $$} means anything. */
    @Nested
    class Numbers {

        @Test
        void exponentWithoutDigitsSwallowsItsSignSoNoCommentFollows() {
            // PostgreSQL reads 1e- as one (rejected) token, then -x; the semicolon ends the statement.
            assertThat(sqls("SELECT 1e--x; SELECT 2")).containsExactly("SELECT 1e--x", "SELECT 2");
            assertThat(sqls("SELECT 1.E--x; SELECT 2")).containsExactly("SELECT 1.E--x", "SELECT 2");
        }

        @Test
        void exponentWithDigitsLeavesADoubleDashAsAComment() {
            assertThat(sqls("SELECT 1e-5--;\n, 2; SELECT 3")).containsExactly("SELECT 1e-5--;\n, 2", "SELECT 3");
        }

        @Test
        void identifierGluedToANumberKeepsItsDollarSignsSoNoDollarQuoteOpens() {
            assertThat(sqls("SELECT 1ab$$x; SELECT 2")).containsExactly("SELECT 1ab$$x", "SELECT 2");
            assertThat(sqls("SELECT 1e$$x; SELECT 2")).containsExactly("SELECT 1e$$x", "SELECT 2");
        }

        @Test
        void identifierGluedToAParameterKeepsItsDollarSignsToo() {
            assertThat(sqls("SELECT $1a$$; SELECT 2")).containsExactly("SELECT $1a$$", "SELECT 2");
        }

        @Test
        void dollarQuoteRightAfterANumberStillOpens() {
            assertThat(sqls("SELECT 1$$;$$; SELECT 1e5$$;$$; SELECT 2"))
                    .containsExactly("SELECT 1$$;$$", "SELECT 1e5$$;$$", "SELECT 2");
        }
    }

    @Nested
    class Comments {

        @Test
        void lineCommentHidesSemicolonsAndQuotes() {
            assertThat(sqls("SELECT 1 -- it's; done\n, 2; SELECT 3")).containsExactly("SELECT 1 -- it's; done\n, 2", "SELECT 3");
        }

        @Test
        void blockCommentHidesSemicolons() {
            assertThat(sqls("SELECT /* ; */ 1; SELECT 2")).containsExactly("SELECT /* ; */ 1", "SELECT 2");
        }

        @Test
        void blockCommentsNest() {
            assertThat(sqls("SELECT /* a /* b; 'x */ c; \"y */ 1; SELECT 2"))
                    .containsExactly("SELECT /* a /* b; 'x */ c; \"y */ 1", "SELECT 2");
        }

        @Test
        void doubleDashInsideOperatorStartsAComment() {
            assertThat(sqls("SELECT 1--2;\n; SELECT 3")).containsExactly("SELECT 1--2;", "SELECT 3");
        }

        @Test
        void leadingCommentsAreNotPartOfTheStatement() {
            assertThat(sqls("-- header; with semicolon\n/* block; */\nSELECT 1;"))
                    .containsExactly("SELECT 1");
        }

        @Test
        void trailingCommentBeforeSemicolonIsKept() {
            assertThat(sqls("SELECT 1 /* why */ -- note\n;")).containsExactly("SELECT 1 /* why */ -- note");
        }

        @Test
        void commentOnlyStatementsProduceNothing() {
            assertThat(sqls("SELECT 1; -- done\n/* really; */ ; -- the end")).containsExactly("SELECT 1");
        }

        @Test
        void singleDashAndSlashAreOperators() {
            assertThat(sqls("SELECT 4-1/2; SELECT 2")).containsExactly("SELECT 4-1/2", "SELECT 2");
        }
    }

    @Nested
    class BeginAtomic {

        @Test
        void semicolonsInsideAtomicBodyDoNotSplit() {
            String function = """
                    CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
                    BEGIN ATOMIC
                      SELECT a + b;
                      SELECT a - b;
                    END""";
            assertThat(sqls(function + ";\nSELECT 2")).containsExactly(function, "SELECT 2");
        }

        @Test
        void caseEndInsideBodyNestsSoOnlyTheLastEndCloses() {
            String function = """
                    CREATE OR REPLACE FUNCTION sign_of(x int) RETURNS text LANGUAGE sql
                    begin atomic
                      SELECT CASE WHEN x > 0 THEN 'pos' ELSE CASE WHEN x < 0 THEN 'neg' ELSE 'zero' END END;
                      SELECT 'after case;';
                    end""";
            assertThat(sqls(function + "; SELECT 2")).containsExactly(function, "SELECT 2");
        }

        @Test
        void procedureBodyIsRecognised() {
            String procedure = "CREATE PROCEDURE p() BEGIN ATOMIC INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); END";
            assertThat(sqls(procedure + "; SELECT 2")).containsExactly(procedure, "SELECT 2");
        }

        @Test
        void commentBetweenBeginAndAtomicIsAllowed() {
            String function = "CREATE FUNCTION f() RETURNS int BEGIN /* std */ ATOMIC SELECT 1; END";
            assertThat(sqls(function + "; SELECT 2")).containsExactly(function, "SELECT 2");
        }

        @Test
        void beginAtomicOutsideARoutineDefinitionDoesNotProtectSemicolons() {
            assertThat(sqls("SELECT 'x' AS begin atomic; SELECT 2; END"))
                    .containsExactly("SELECT 'x' AS begin atomic", "SELECT 2", "END");
        }

        @Test
        void quotedOrCommentedKeywordsDoNotCount() {
            String function = "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1 AS \"end\"; -- end\n SELECT 'end'; END";
            assertThat(sqls(function + "; SELECT 2")).containsExactly(function, "SELECT 2");
        }

        @Test
        void dollarQuotedBodyMentioningBeginAtomicIsJustAString() {
            String function = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 'BEGIN ATOMIC' $$ LANGUAGE sql";
            assertThat(sqls(function + "; SELECT 2")).containsExactly(function, "SELECT 2");
        }

        @Test
        void plainBeginWithoutAtomicInsideRoutineIsNotABody() {
            String function = "CREATE FUNCTION begin() RETURNS int AS 'select 1' LANGUAGE sql";
            assertThat(sqls(function + "; SELECT 2")).containsExactly(function, "SELECT 2");
        }
    }

    @Nested
    class LineNumbers {

        @Test
        void eachStatementGetsTheLineOfItsFirstCharacter() {
            List<SqlStatement> statements = split("SELECT 1;\n\nSELECT\n2; SELECT 3;");

            assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 3, 4);
        }

        @Test
        void statementAfterCommentsGetsTheLineOfItsFirstRealCharacter() {
            List<SqlStatement> statements = split("-- one\n/* two\nthree */\n\n   CREATE TABLE t();");

            assertThat(statements).containsExactly(new SqlStatement("CREATE TABLE t()", 5));
        }

        @Test
        void firstLineOffsetsEveryLine() {
            List<SqlStatement> statements = StatementSplitter.split("SELECT 1;\nSELECT 2;", FILE, 41);

            assertThat(statements).extracting(SqlStatement::line).containsExactly(41, 42);
        }

        @Test
        void linesInsideMultiLineStringsAndCommentsAreCounted() {
            List<SqlStatement> statements = split("SELECT 'a\nb', $$\n\n$$ /*\n*/;\nSELECT 2;");

            assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 6);
        }

        @Test
        void lineOfMapsOffsetsToFileLines() {
            SqlStatement statement = split("\n\nSELECT a,\n  b,\n  c FROM t;").get(0);
            String sql = statement.sql();

            assertThat(statement.line()).isEqualTo(3);
            assertThat(statement.lineOf(0)).isEqualTo(3);
            assertThat(statement.lineOf(sql.indexOf('b'))).isEqualTo(4);
            assertThat(statement.lineOf(sql.indexOf('c'))).isEqualTo(5);
            assertThat(statement.lineOf(sql.length())).isEqualTo(5);
        }

        @Test
        void lineOfCountsTheLineBreakItselfOnTheLineItEnds() {
            SqlStatement statement = new SqlStatement("a\nb", 7);

            assertThat(statement.lineOf(1)).isEqualTo(7);
            assertThat(statement.lineOf(2)).isEqualTo(8);
        }

        @Test
        void lineOfRejectsOffsetsOutsideTheStatement() {
            SqlStatement statement = new SqlStatement("abc", 1);

            assertThatThrownBy(() -> statement.lineOf(-1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> statement.lineOf(4)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void statementRejectsLinesBelowOne() {
            assertThatThrownBy(() -> new SqlStatement("SELECT 1", 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class LineEndings {

        @Test
        void crlfIsNormalisedAndCountedOnce() {
            List<SqlStatement> statements = split("SELECT 1,\r\n2;\r\n\r\nSELECT 3;\r\n");

            assertThat(statements).containsExactly(new SqlStatement("SELECT 1,\n2", 1), new SqlStatement("SELECT 3", 4));
        }

        @Test
        void loneCarriageReturnIsALineBreak() {
            List<SqlStatement> statements = split("SELECT 1,\r2;\r\rSELECT 3;");

            assertThat(statements).containsExactly(new SqlStatement("SELECT 1,\n2", 1), new SqlStatement("SELECT 3", 4));
        }

        @Test
        void mixedLineEndingsEachCountOnce() {
            List<SqlStatement> statements = split("-- a\r\n-- b\r-- c\n\r\rSELECT\r\n1;");

            assertThat(statements).containsExactly(new SqlStatement("SELECT\n1", 6));
        }

        @Test
        void carriageReturnEndsALineComment() {
            assertThat(sqls("SELECT 1 -- c\r; SELECT 2")).containsExactly("SELECT 1 -- c", "SELECT 2");
        }

        @Test
        void lineEndingsInsideStringsAreNormalisedToo() {
            assertThat(sqls("SELECT 'a\r\nb\rc'")).containsExactly("SELECT 'a\nb\nc'");
        }

        @Test
        void lineOfAgreesWithFileLinesForCrlfInput() {
            SqlStatement statement = split("\r\nSELECT a,\r\n b;").get(0);

            assertThat(statement.lineOf(statement.sql().indexOf('b'))).isEqualTo(3);
        }
    }

    @Nested
    class Errors {

        @Test
        void unterminatedStringNamesTheLineWhereItOpens() {
            MigrationFileException error = splitError("SELECT 1;\nSELECT\n 'abc;\n\nmore");

            assertThat(error.file()).isEqualTo(FILE);
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.getMessage()).startsWith("V1__test.sql:3: unterminated quoted string").contains("close it with '");
        }

        @Test
        void unterminatedEscapeStringExplainsTheBackslash() {
            MigrationFileException error = splitError("SELECT E'it\\'s;");

            assertThat(error.line()).isEqualTo(1);
            assertThat(error.getMessage()).contains("unterminated escape string").contains("\\' does not close it");
        }

        @Test
        void unterminatedQuotedIdentifierIsReported() {
            MigrationFileException error = splitError("\nSELECT \"abc;");

            assertThat(error.line()).isEqualTo(2);
            assertThat(error.getMessage()).contains("unterminated quoted identifier").contains("close it with \"");
        }

        @Test
        void unterminatedDollarQuoteNamesItsOwnDelimiter() {
            MigrationFileException error = splitError("SELECT 1;\r\n\r\nCREATE FUNCTION f() AS $body$\nBEGIN; END;\n$bod$;");

            assertThat(error.line()).isEqualTo(3);
            assertThat(error.getMessage()).contains("unterminated dollar-quoted string").contains("close it with $body$");
        }

        @Test
        void unterminatedBlockCommentCountsNesting() {
            MigrationFileException error = splitError("SELECT 1;\n/* outer /* inner */\nSELECT 2;");

            assertThat(error.line()).isEqualTo(2);
            assertThat(error.getMessage()).contains("unterminated block comment").contains("close it with */");
        }

        @Test
        void unterminatedAtomicBodyNamesTheBeginLine() {
            MigrationFileException error = splitError("CREATE FUNCTION f() RETURNS int\nBEGIN ATOMIC\n SELECT 1;\n");

            assertThat(error.line()).isEqualTo(2);
            assertThat(error.getMessage()).contains("BEGIN ATOMIC").contains("close it with END");
        }

        @Test
        void metaCommandIsRejectedWithItsLine() {
            MigrationFileException error = splitError("SELECT 1;\n\\echo hello\nSELECT 2;");

            assertThat(error.line()).isEqualTo(2);
            assertThat(error.getMessage()).isEqualTo(
                    "V1__test.sql:2: psql meta-command \\echo is not SQL; remove it, Retort sends statements to the server directly");
        }

        @Test
        void metaCommandAfterLeadingCommentIsRejected() {
            MigrationFileException error = splitError("-- setup\n\\set ON_ERROR_STOP on\n");

            assertThat(error.line()).isEqualTo(2);
            assertThat(error.getMessage()).contains("\\set is not SQL");
        }

        @Test
        void backslashInsideAStatementIsLeftToTheServer() {
            assertThat(sqls("SELECT 1 \\ 2; SELECT '\\x'")).containsExactly("SELECT 1 \\ 2", "SELECT '\\x'");
        }

        @Test
        void statementsBeforeAnErrorAreDeliveredFirst() {
            StatementSplitter splitter = new StatementSplitter(new StringReader("SELECT 1; SELECT 'oops"), FILE, 1);

            assertThat(splitter.next()).isEqualTo(new SqlStatement("SELECT 1", 1));
            assertThatThrownBy(splitter::hasNext).isInstanceOf(MigrationFileException.class);
        }

        @Test
        void readerFailureBecomesUncheckedIoException() {
            Reader failing = new Reader() {
                @Override
                public int read(char[] buffer, int offset, int length) throws IOException {
                    throw new IOException("disk gone");
                }

                @Override
                public void close() {
                }
            };
            StatementSplitter splitter = new StatementSplitter(failing, FILE, 1);

            assertThatThrownBy(splitter::hasNext).isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("disk gone");
        }
    }

    @Nested
    class IteratorContract {

        @Test
        void nextWithoutMoreStatementsThrows() {
            StatementSplitter splitter = new StatementSplitter(new StringReader("SELECT 1"), FILE, 1);
            splitter.next();

            assertThat(splitter.hasNext()).isFalse();
            assertThatThrownBy(splitter::next).isInstanceOf(NoSuchElementException.class).hasMessageContaining(FILE);
        }

        @Test
        void hasNextIsIdempotent() {
            StatementSplitter splitter = new StatementSplitter(new StringReader("SELECT 1; SELECT 2"), FILE, 1);

            assertThat(splitter.hasNext()).isTrue();
            assertThat(splitter.hasNext()).isTrue();
            assertThat(splitter.next().sql()).isEqualTo("SELECT 1");
            assertThat(splitter.next().sql()).isEqualTo("SELECT 2");
            assertThat(splitter.hasNext()).isFalse();
        }
    }

    @Nested
    class Streaming {

        private static final String SCRIPT = "-- header\r\n"
                + "CREATE TABLE t (id int, s text);\r\n"
                + "INSERT INTO t VALUES (1, 'a;b'), (2, E'c\\'d;');\n"
                + "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; END;\r"
                + "DO $x$ BEGIN RAISE NOTICE '%', $y$;$y$; END $x$;\n"
                + "/* a /* nested; */ comment */ SELECT \"q;\"\"\";\r\rSELECT 1";

        @Test
        void oneCharacterAtATimeGivesTheSameResultAsSplittingAString() {
            List<SqlStatement> expected = split(SCRIPT);

            List<SqlStatement> streamed = new ArrayList<>();
            new StatementSplitter(new OneCharReader(SCRIPT), FILE, 1).forEachRemaining(streamed::add);

            assertThat(expected).extracting(SqlStatement::line).containsExactly(2, 3, 4, 5, 6, 8);
            assertThat(streamed).isEqualTo(expected);
        }

        @Test
        void crlfSplitAcrossReadsIsStillOneLineBreak() {
            List<SqlStatement> streamed = new ArrayList<>();
            new StatementSplitter(new OneCharReader("SELECT 1;\r\nSELECT 2;\r\n\r\nSELECT 3"), FILE, 1)
                    .forEachRemaining(streamed::add);

            assertThat(streamed).extracting(SqlStatement::line).containsExactly(1, 2, 4);
        }

        @Test
        void hugeGeneratedInputIsSplitWithoutBufferingItWhole() {
            int count = 200_000;
            GeneratedInserts reader = new GeneratedInserts(count);
            StatementSplitter splitter = new StatementSplitter(reader, "V2__big.sql", 1);

            int seen = 0;
            SqlStatement last = null;
            while (splitter.hasNext()) {
                last = splitter.next();
                seen++;
                // Streaming means the splitter never runs far ahead of the statement it returns.
                assertThat(reader.charsServed()).isLessThan(reader.offsetOfStatement(seen) + 2 * 8192);
            }

            assertThat(seen).isEqualTo(count);
            assertThat(last).isEqualTo(new SqlStatement(GeneratedInserts.statement(count - 1), 2 * count - 1));
        }
    }

    /** Hands out one character per read, the worst case for anything that looks ahead. */
    private static final class OneCharReader extends Reader {
        private final String text;
        private int position;

        OneCharReader(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == text.length()) {
                return -1;
            }
            buffer[offset] = text.charAt(position++);
            return 1;
        }

        @Override
        public void close() {
        }
    }

    /**
     * Produces {@code count} INSERT statements, each followed by a blank line, one statement at a
     * time: the script as a whole never exists as a String.
     */
    private static final class GeneratedInserts extends Reader {
        private final int count;
        private int index;
        private String current = "";
        private int position;
        private long served;

        GeneratedInserts(int count) {
            this.count = count;
        }

        static String statement(int index) {
            return "INSERT INTO big (id, note) VALUES (" + index + ", 'row; " + index + "')";
        }

        /** Every generated chunk is {@code statement + ";\n\n"}; lengths grow with the digits. */
        long offsetOfStatement(int statementsDone) {
            long offset = 0;
            for (int digits = 1, from = 0; from < statementsDone; digits++) {
                int to = (int) Math.min(statementsDone, Math.pow(10, digits));
                offset += (long) (to - from) * (statement(0).length() + 2 * (digits - 1) + 3);
                from = to;
            }
            return offset;
        }

        long charsServed() {
            return served;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == current.length()) {
                if (index == count) {
                    return -1;
                }
                current = statement(index++) + ";\n\n";
                position = 0;
            }
            int n = Math.min(length, current.length() - position);
            current.getChars(position, position + n, buffer, offset);
            position += n;
            served += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
