package dev.retort.internal.sql;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The corpus harness's own logic: a wrong normalisation would make the reference lie. */
class CorpusHarnessUnitTests {

    @Nested
    class PsqlStatements {

        @Test
        void terminatingSemicolonTrailingWhitespaceAndLeadingCommentsAreDropped() {
            assertThat(StatementView.comparable("/* a /* nested */ one */ -- two\nSELECT 1 -- three\n;"))
                    .isEqualTo("SELECT 1 -- three");
        }

        @Test
        void commentOnlyStatementsBecomeEmptyAndAreLeftOut() {
            String script = "SELECT 1;\n/* only a comment */;\n";

            assertThat(StatementView.ofPsql(List.of("SELECT 1;", "/* only a comment */;"), script))
                    .containsExactly(new StatementView(1, "SELECT 1"));
        }

        @Test
        void eachStatementIsFoundAfterThePreviousOneSkippingCommentsThatRepeatIt() {
            String script = "SELECT 1;\n-- SELECT 2 was here\n;;\nSELECT 2;";

            assertThat(StatementView.ofPsql(List.of("SELECT 1;", ";", ";", "SELECT 2;"), script))
                    .containsExactly(new StatementView(1, "SELECT 1"), new StatementView(4, "SELECT 2"));
        }

        @Test
        void emptyLinesThatPsqlDropsAreIgnoredButLinesStillCount() {
            String script = "\n\nCREATE TABLE t (\n\n  a int\n);";

            assertThat(StatementView.ofPsql(List.of("CREATE TABLE t (\n  a int\n);"), script))
                    .containsExactly(new StatementView(3, "CREATE TABLE t (\n  a int\n)"));
            assertThat(StatementView.ofOurs(StatementSplitter.split(script, "t.sql", 1)))
                    .containsExactly(new StatementView(3, "CREATE TABLE t (\n  a int\n)"));
        }
    }

    @Nested
    class Outcomes {

        private static final String SCRIPT = "SELECT 1;\nCREATE TABLE t ();\nSELECT 1/0;";

        @Test
        void aStatementWithoutLoggedOutputTakesTheNextErrorInOrder() {
            List<PsqlLog.Entry> entries = PsqlLog.parse(banner("SELECT 1;") + " ?column? \n(1 row)\n\n"
                    + banner("CREATE TABLE t ();") + "CREATE TABLE\n" + banner("SELECT 1/0;"));

            List<StatementOutcome> outcomes = StatementOutcome.ofPsql(new PsqlReference.Run(entries, List.of("22012")), SCRIPT);

            assertThat(outcomes).extracting(StatementOutcome::outcome).containsExactly("ok", "ok", "22012");
            assertThat(outcomes).extracting(outcome -> outcome.statement().line()).containsExactly(1, 2, 3);
        }

        @Test
        void errorsAndSilentStatementsThatDoNotPairUpAreAHarnessFailure() {
            List<PsqlLog.Entry> entries = PsqlLog.parse(banner("SELECT 1;") + banner("CREATE TABLE t ();"));

            assertThatThrownBy(() -> StatementOutcome.ofPsql(new PsqlReference.Run(entries, List.of("22012")), SCRIPT))
                    .isInstanceOf(IllegalStateException.class);
        }

        private static String banner(String query) {
            return "********* QUERY **********\n" + query + "\n**************************\n\n";
        }
    }

    @Nested
    class ExtensionScripts {

        @TempDir
        Path extension;

        @Test
        void scriptIsRewrittenAsCreateExtensionDoesKeepingItsLines() throws IOException {
            Files.writeString(extension.resolve("demo.control"),
                    "# demo\nmodule_pathname = '$libdir/demo'\nrelocatable = false\nrequires = 'cube, seg'\n");
            Path script = Files.writeString(extension.resolve("demo--1.0.sql"),
                    "\\echo Use \"CREATE EXTENSION demo\" to load this file. \\quit\n"
                            + "CREATE FUNCTION @extschema@.f() RETURNS int AS 'MODULE_PATHNAME' LANGUAGE c;\n"
                            + "ALTER FUNCTION f() OWNER TO @extowner@;\n");

            CorpusScript rewritten = CorpusScript.extension(extension.getParent(), script, "postgres");

            assertThat(rewritten.text()).isEqualTo("\n"
                    + "CREATE FUNCTION corpus_ext.f() RETURNS int AS '$libdir/demo' LANGUAGE c;\n"
                    + "ALTER FUNCTION f() OWNER TO postgres;\n");
            assertThat(rewritten.control().requires()).containsExactly("cube", "seg");
            assertThat(rewritten.isExtensionInstall()).isTrue();
        }
    }
}
