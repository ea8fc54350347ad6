package dev.retort.internal.lint;

import dev.retort.LintFinding;
import dev.retort.error.MigrationFileException;
import dev.retort.internal.source.Script;
import dev.retort.internal.source.InMemoryScripts;
import dev.retort.internal.source.SessionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule: a statement that fires it, the nearest statement that must not (the same on a table
 * the revision created, the CONCURRENTLY or NOT VALID form), and its suppression.
 */
class LinterUnitTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "index-not-concurrent | CREATE INDEX idx_a ON accounts (email)"
                    + " | CREATE INDEX CONCURRENTLY idx_a ON accounts (email)",
            "index-not-concurrent | CREATE UNIQUE INDEX IF NOT EXISTS idx_a ON ONLY public.accounts (email)"
                    + " | CREATE TABLE t (id int); CREATE UNIQUE INDEX idx_t ON t (id)",
            "volatile-default | ALTER TABLE accounts ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid()"
                    + " | ALTER TABLE accounts ADD COLUMN created timestamptz NOT NULL DEFAULT now()",
            "volatile-default | ALTER TABLE accounts ADD COLUMN n bigserial"
                    + " | ALTER TABLE accounts ADD COLUMN n bigint",
            "volatile-default | ALTER TABLE accounts ADD COLUMN total numeric GENERATED ALWAYS AS (a + b) STORED"
                    + " | CREATE TABLE t (id int); ALTER TABLE t ADD COLUMN token uuid DEFAULT gen_random_uuid()",
            "constraint-validates | ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts (id)"
                    + " | ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID",
            "constraint-validates | ALTER TABLE orders ADD CHECK (total >= 0)"
                    + " | ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check",
            "set-not-null | ALTER TABLE orders ALTER COLUMN total SET NOT NULL"
                    + " | ALTER TABLE orders ALTER COLUMN total DROP NOT NULL",
            "unique-without-index | ALTER TABLE orders ADD CONSTRAINT uq UNIQUE (code)"
                    + " | ALTER TABLE orders ADD CONSTRAINT uq UNIQUE USING INDEX orders_code_idx",
            "column-type-change | ALTER TABLE orders ALTER COLUMN total TYPE bigint"
                    + " | ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0",
            "drop-column | ALTER TABLE orders DROP COLUMN legacy"
                    + " | ALTER TABLE orders DROP CONSTRAINT orders_legacy_check",
            "drop-table | DROP TABLE IF EXISTS legacy_orders"
                    + " | CREATE TABLE scratch (id int); DROP TABLE scratch",
            "rename-column | ALTER TABLE orders RENAME COLUMN total TO amount"
                    + " | ALTER TABLE orders RENAME CONSTRAINT a TO b",
            "rename-table | ALTER TABLE orders RENAME TO purchases"
                    + " | CREATE TABLE t (id int); ALTER TABLE t RENAME TO u",
            "missing-lock-timeout | ALTER TABLE orders ADD COLUMN note text"
                    + " | SET LOCAL lock_timeout = '5s'; ALTER TABLE orders ADD COLUMN note text",
    })
    void firesOnTheRiskyFormOnly(String rule, String fires, String doesNot) {
        assertThat(rules(lint(fires))).contains(rule);
        assertThat(rules(lint(doesNot))).doesNotContain(rule);
        assertThat(rules(lint("-- lint-ignore: " + rule + "\n", fires, ""))).doesNotContain(rule);
    }

    @Test
    void aFindingNamesTheFileLineAndWhatToWriteInstead() {
        List<LintFinding> findings = lint("-- set: lock_timeout=5s\n", "SELECT 1;\nCREATE INDEX idx ON candidates (email)",
                "DROP INDEX idx;");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("index-not-concurrent");
            assertThat(finding.severity()).isEqualTo(LintFinding.Severity.ERROR);
            assertThat(finding.file()).isEqualTo("dir/r1.sql");
            assertThat(finding.line()).isEqualTo(6);
            assertThat(finding.message()).contains("CONCURRENTLY").contains("transactional: false");
        });
    }

    @Test
    void aLockTimeoutFromTheHeaderOrTheRunCounts() {
        String alter = "ALTER TABLE orders ADD COLUMN note text";
        assertThat(rules(lint("-- set: lock_timeout=5s\n", alter, "ALTER TABLE orders DROP COLUMN note;")))
                .doesNotContain("missing-lock-timeout");
        assertThat(rules(Linter.lint(List.of(script("", alter, "SELECT 1;")), List.of(),
                SessionSettings.parse("lock_timeout=3s", "--set", 0), Set.of(), false).block(PATIENCE)))
                .doesNotContain("missing-lock-timeout");
    }

    @Test
    void noDowngradeAndMultipleHeads() {
        Script withoutDowngrade = InMemoryScripts.parse("r1.sql", "-- +upgrade\nCREATE TABLE t (id int);\n");
        Script other = script("", "CREATE TABLE u (id int)", "DROP TABLE u;");

        List<LintFinding> findings = Linter.lint(List.of(withoutDowngrade), List.of(withoutDowngrade, other),
                SessionSettings.NONE, Set.of(), false).block(PATIENCE);

        assertThat(rules(findings)).containsExactly("multiple-heads", "no-downgrade");
        assertThat(Linter.lint(List.of(withoutDowngrade), List.of(withoutDowngrade, other), SessionSettings.NONE,
                Set.of("multiple-heads", "no-downgrade"), false).block(PATIENCE)).isEmpty();
    }

    @Test
    void inOneDeployATableAnEarlierRevisionCreatedIsNew() {
        Script creates = script("", "CREATE TABLE t (id int)", "DROP TABLE t;");
        Script indexes = InMemoryScripts.parse("r2.sql", "-- revises: r1\n-- +upgrade\nCREATE INDEX i ON t (id);\n"
                + "-- +downgrade\nDROP INDEX i;\n");

        assertThat(rules(Linter.lint(List.of(creates, indexes), List.of(indexes), SessionSettings.NONE, Set.of(), true)
                .block(PATIENCE))).isEmpty();
        assertThat(rules(Linter.lint(List.of(creates, indexes), List.of(indexes), SessionSettings.NONE, Set.of(), false)
                .block(PATIENCE))).containsExactly("index-not-concurrent");
    }

    @Test
    void anUnknownRuleIsNamed() {
        assertThatThrownBy(() -> lint("-- lint-ignore: index-not-concurent\n", "SELECT 1", "SELECT 1;"))
                .isInstanceOf(MigrationFileException.class).hasMessageContaining("dir/r1.sql:2")
                .hasMessageContaining("index-not-concurent").hasMessageContaining("index-not-concurrent");
        assertThatThrownBy(() -> Linter.lint(List.of(), List.of(), SessionSettings.NONE, Set.of("nope"), false)
                .block(PATIENCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void quotedNamesCommentsAndBodiesDoNotMislead() {
        assertThat(lint("CREATE TABLE \"Orders\" (id int); CREATE INDEX i ON \"Orders\" (id)")).isEmpty();
        assertThat(rules(lint("CREATE FUNCTION f() RETURNS void AS $$ BEGIN CREATE INDEX i ON t (id); END $$"
                + " LANGUAGE plpgsql"))).isEmpty();
        assertThat(rules(lint("/* CREATE INDEX i ON t (id) */ SELECT 1"))).isEmpty();
    }

    private static List<LintFinding> lint(String upgrade) {
        return lint("", upgrade, "SELECT 1;");
    }

    private static List<LintFinding> lint(String header, String upgrade, String downgrade) {
        Script script = script(header, upgrade, downgrade);
        return Linter.lint(List.of(script), List.of(script), SessionSettings.NONE, Set.of(), false).block(PATIENCE);
    }

    private static Script script(String header, String upgrade, String downgrade) {
        return InMemoryScripts.parse("r1.sql", "-- revision: r1\n" + header + "\n-- +upgrade\n" + upgrade.replace("; ", ";\n")
                + ";\n\n-- +downgrade\n" + downgrade + "\n");
    }

    private static List<String> rules(List<LintFinding> findings) {
        return findings.stream().map(LintFinding::rule).toList();
    }
}
