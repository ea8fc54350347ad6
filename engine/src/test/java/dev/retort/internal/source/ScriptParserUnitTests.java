package dev.retort.internal.source;

import dev.retort.error.MigrationFileException;
import dev.retort.internal.sql.SqlStatement;
import dev.retort.spi.ScriptResource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptParserUnitTests {

    static Script parse(String name, String text) {
        return InMemoryScripts.parse(name, text);
    }

    static ScriptResource resource(String name, byte[] bytes) {
        return InMemoryScripts.resource(name, bytes);
    }

    @Nested
    class Headers {

        @Test
        void everyKeyIsRead() {
            Script script = parse("x.sql", """
                    -- revision: 003_merge
                    -- revises: 001_a, 002_b
                    -- message: Merge the two branches
                    -- branch-labels: reporting
                    -- depends-on: 000_base
                    -- transactional: false
                    -- +upgrade
                    SELECT 1;
                    """);

            assertThat(script.id()).isEqualTo("003_merge");
            assertThat(script.parents()).containsExactly("001_a", "002_b");
            assertThat(script.message()).isEqualTo("Merge the two branches");
            assertThat(script.branchLabels()).containsExactly("reporting");
            assertThat(script.dependsOn()).containsExactly("000_base");
            assertThat(script.transactional()).isFalse();
        }

        @Test
        void revisionDefaultsToTheFileNameWithoutExtension() {
            assertThat(parse("004_add_index.sql", "-- +upgrade\nSELECT 1;\n").id()).isEqualTo("004_add_index");
        }

        @Test
        void aByteOrderMarkBeforeTheFirstLineIsIgnored() {
            Script script = parse("b.sql", "\uFEFF-- revises: a\n-- +upgrade\nSELECT 1;\n");
            assertThat(script.parents()).containsExactly("a");
            assertThat(parse("c.sql", "\uFEFF-- +upgrade\nSELECT 1;\n").upgrade()).isNotNull();
            assertThat(script.checksum()).isEqualTo(parse("b.sql", "-- revises: a\n-- +upgrade\nSELECT 1;\n").checksum());
        }

        @Test
        void aFileWithoutRevisesIsABase() {
            Script script = parse("a.sql", "-- message: first\n-- +upgrade\nSELECT 1;\n");
            assertThat(script.parents()).isEmpty();
            assertThat(script.transactional()).isTrue();
        }

        @Test
        void plainCommentsWithoutAColonAreAllowed() {
            assertThat(parse("a.sql", "-- This creates the users table\n--\n-- +upgrade\nSELECT 1;\n").id())
                    .isEqualTo("a");
        }

        @Test
        void anUnknownKeyNamesTheLineAndTheValidKeys() {
            assertThatThrownBy(() -> parse("a.sql", "-- revision: a\n-- down_revision: b\n-- +upgrade\nSELECT 1;\n"))
                    .isInstanceOf(MigrationFileException.class)
                    .hasMessageStartingWith("dir/a.sql:2: unknown header key 'down_revision'")
                    .hasMessageContaining("revises");
        }

        @Test
        void aRepeatedKeyIsAnError() {
            assertThatThrownBy(() -> parse("a.sql", "-- revises: a\n-- revises: b\n-- +upgrade\nSELECT 1;\n"))
                    .hasMessageContaining("a.sql:2").hasMessageContaining("twice");
        }

        @Test
        void sqlBeforeTheFirstSectionIsAnError() {
            assertThatThrownBy(() -> parse("a.sql", "-- revision: a\nCREATE TABLE t (id int);\n-- +upgrade\n"))
                    .hasMessageContaining("a.sql:2").hasMessageContaining("-- +upgrade");
        }

        @Test
        void transactionalMustBeTrueOrFalse() {
            assertThatThrownBy(() -> parse("a.sql", "-- transactional: maybe\n-- +upgrade\nSELECT 1;\n"))
                    .hasMessageContaining("true or false");
        }
    }

    @Nested
    class Sections {

        @Test
        void keepTheirTextAndTheLineTheyStartOn() {
            Script script = parse("a.sql", "-- revision: a\n\n-- +upgrade\nCREATE TABLE t (id int);\n\n-- +downgrade\nDROP TABLE t;\n");

            assertThat(script.upgrade().firstLine()).isEqualTo(4);
            assertThat(script.upgrade().statementList("a.sql"))
                    .containsExactly(new SqlStatement("CREATE TABLE t (id int)", 4));
            assertThat(script.downgrade()).hasValueSatisfying(down -> assertThat(down.statementList("a.sql"))
                    .containsExactly(new SqlStatement("DROP TABLE t", 7)));
        }

        @Test
        void aMissingDowngradeSectionIsAllowed() {
            assertThat(parse("a.sql", "-- +upgrade\nSELECT 1;\n").downgrade()).isEmpty();
        }

        @Test
        void aMissingUpgradeSectionIsAnError() {
            assertThatThrownBy(() -> parse("a.sql", "-- revision: a\n-- +downgrade\nSELECT 1;\n"))
                    .hasMessageContaining("no '-- +upgrade' section");
        }

        @Test
        void anEmptyFileIsAnError() {
            assertThatThrownBy(() -> parse("a.sql", "")).hasMessageContaining("is empty");
        }

        @Test
        void anUnknownMarkerIsAnError() {
            assertThatThrownBy(() -> parse("a.sql", "-- +upgrade\nSELECT 1;\n-- +rollback\nSELECT 2;\n"))
                    .hasMessageContaining("a.sql:3").hasMessageContaining("unknown section marker");
        }

        @Test
        void aSecondUpgradeSectionIsAnError() {
            assertThatThrownBy(() -> parse("a.sql", "-- +upgrade\nSELECT 1;\n-- +upgrade\nSELECT 2;\n"))
                    .hasMessageContaining("a.sql:3");
        }

        @Test
        void aLoneCarriageReturnEndsALineToo() {
            Script script = parse("a.sql", "-- +upgrade\rSELECT 1;\r\rSELECT 2;\n");
            assertThat(script.upgrade().statementList("a.sql"))
                    .containsExactly(new SqlStatement("SELECT 1", 2), new SqlStatement("SELECT 2", 4));
        }

        @Test
        void crlfLineEndingsAreNormalised() {
            Script script = parse("a.sql", "-- +upgrade\r\nSELECT 1;\r\nSELECT 2;\r\n");
            assertThat(script.upgrade().statementList("a.sql"))
                    .containsExactly(new SqlStatement("SELECT 1", 2), new SqlStatement("SELECT 2", 3));
        }
    }

    @Nested
    class LargeSections {

        static final int ROWS = 40_000;

        static String dataLoad() {
            StringBuilder text = new StringBuilder("-- revision: load\n-- +upgrade\n");
            for (int i = 0; i < ROWS; i++) {
                text.append("INSERT INTO t VALUES (").append(i).append(", 'row number ").append(i).append("');\n");
            }
            return text.append("-- +downgrade\nDELETE FROM t;\n").toString();
        }

        @Test
        void areNotKeptInMemory() {
            Script script = parse("load.sql", dataLoad());

            assertThat(script.upgrade().inMemory()).isFalse();
            assertThat(script.downgrade()).hasValueSatisfying(down -> assertThat(down.inMemory()).isTrue());
        }

        @Test
        void streamEveryStatementWithItsFileLine() {
            Script script = parse("load.sql", dataLoad());

            List<SqlStatement> statements = script.upgrade().statements("load.sql").collectList().block(PATIENCE);

            assertThat(statements).hasSize(ROWS);
            assertThat(statements.get(0)).isEqualTo(new SqlStatement("INSERT INTO t VALUES (0, 'row number 0')", 3));
            assertThat(statements.get(ROWS - 1).line()).isEqualTo(ROWS + 2);
            assertThat(script.downgrade().orElseThrow().statementList("load.sql"))
                    .containsExactly(new SqlStatement("DELETE FROM t", ROWS + 4));
        }

        @Test
        void canBeStreamedAgainForEachRun() {
            Section upgrade = parse("load.sql", dataLoad()).upgrade();

            assertThat(upgrade.statements("load.sql").count().block(PATIENCE)).isEqualTo(ROWS);
            assertThat(upgrade.statements("load.sql").count().block(PATIENCE)).isEqualTo(ROWS);
        }
    }

    @Nested
    class Checksums {

        @Test
        void coverTheSectionsButNotTheHeader() {
            String body = "-- +upgrade\nSELECT 1;\n-- +downgrade\nSELECT 2;\n";
            assertThat(parse("a.sql", "-- message: one\n" + body).checksum())
                    .isEqualTo(parse("a.sql", "-- message: two\n" + body).checksum())
                    .startsWith("sha256:")
                    .hasSize("sha256:".length() + 64);
        }

        @Test
        void changeWhenAnySectionChanges() {
            assertThat(parse("a.sql", "-- +upgrade\nSELECT 1;\n-- +downgrade\nSELECT 2;\n").checksum())
                    .isNotEqualTo(parse("a.sql", "-- +upgrade\nSELECT 1;\n-- +downgrade\nSELECT 3;\n").checksum());
        }

        /** The value is what applied revisions were recorded with, so it must never drift. */
        @Test
        void areTheSha256OfTheSectionLinesEachEndedByNewline() {
            assertThat(parse("a.sql", "-- revision: a\n-- +upgrade\nSELECT 1;\n-- +downgrade\nSELECT 2;").checksum())
                    .isEqualTo("sha256:00e75652bc98009029930a6cb93216fbb8bd9ecbaa96f0f293b6f9a002297196");
        }

        @Test
        void ofALargeStreamedFileCoverEveryLine() throws Exception {
            String file = LargeSections.dataLoad();
            String sections = file.substring(file.indexOf("-- +upgrade"));
            String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sections.getBytes(StandardCharsets.UTF_8)));

            assertThat(parse("load.sql", file).checksum()).isEqualTo("sha256:" + expected);
        }

        @Test
        void doNotDependOnLineEndings() {
            assertThat(parse("a.sql", "-- +upgrade\r\nSELECT 1;\r\n").checksum())
                    .isEqualTo(parse("a.sql", "-- +upgrade\nSELECT 1;\n").checksum())
                    .isEqualTo(parse("a.sql", "-- +upgrade\rSELECT 1;\r").checksum());
        }
    }

    @Nested
    class BadBytes {

        @Test
        void invalidUtf8IsAnError() {
            byte[] bytes = {'-', '-', ' ', '+', 'u', 'p', 'g', 'r', 'a', 'd', 'e', '\n', (byte) 0xff, '\n'};
            assertThatThrownBy(() -> ScriptParser.parse(resource("a.sql", bytes)))
                    .hasMessageContaining("dir/a.sql").hasMessageContaining("not valid UTF-8");
        }

        @Test
        void aBinaryFileIsAnError() {
            byte[] bytes = {'-', '-', ' ', '+', 'u', 'p', 'g', 'r', 'a', 'd', 'e', '\n', 0, 1, 2, '\n'};
            assertThatThrownBy(() -> ScriptParser.parse(resource("a.sql", bytes)))
                    .hasMessageContaining("dir/a.sql:2").hasMessageContaining("binary");
        }
    }
}
