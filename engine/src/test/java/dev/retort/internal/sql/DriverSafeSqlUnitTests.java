package dev.retort.internal.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DriverSafeSqlUnitTests {

    @Test
    void aStatementWithoutBackslashQuotesIsReturnedUnchanged() {
        String sql = "SELECT 'it''s', E'tab\\t'";
        assertThat(DriverSafeSql.of(sql)).isSameAs(sql);
    }

    @Test
    void aBackslashQuoteInAnEscapeStringBecomesADoubledQuote() {
        assertThat(DriverSafeSql.of("SELECT E'it\\'s; fine'")).isEqualTo("SELECT E'it''s; fine'");
    }

    @Test
    void anEscapedBackslashBeforeTheClosingQuoteStaysAsItIs() {
        assertThat(DriverSafeSql.of("SELECT E'a\\\\', E'b\\'c'")).isEqualTo("SELECT E'a\\\\', E'b''c'");
    }

    @Test
    void backslashesOutsideEscapeStringsAreLeftAlone() {
        String sql = "SELECT 'a\\', $$ \\' $$, \"col\\'\" -- \\'\n, E'x\\'y'";
        assertThat(DriverSafeSql.of(sql)).isEqualTo("SELECT 'a\\', $$ \\' $$, \"col\\'\" -- \\'\n, E'x''y'");
    }

    @Test
    void theLengthIsKeptSoServerErrorPositionsStillPointAtTheFile() {
        String sql = "INSERT INTO t VALUES (E'\\'a\\'', E'\\\\\\'')";
        assertThat(DriverSafeSql.of(sql)).hasSameSizeAs(sql);
    }
}
