package dev.retort;

import dev.retort.event.MigrationEvent;
import dev.retort.event.RevisionApplied;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one revision does to its database session does not reach the revisions after it, nor
 * Retort's own bookkeeping: the schema a run produces does not depend on how the upgrade was
 * split into runs. Settings the server reports back to the client (application_name, TimeZone,
 * DateStyle, a role ...) add messages to the conversation that are not a statement's result; a
 * run must count its statements' results, not the messages.
 */
class SessionStateIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What revision b writes down about its session, and what a fresh session says. */
    private static final String OBSERVED = "SELECT current_setting('search_path') AS search_path,"
            + " current_setting('application_name') AS application_name, current_setting('TimeZone') AS time_zone,"
            + " current_setting('DateStyle') AS date_style, current_setting('IntervalStyle') AS interval_style,"
            + " current_setting('statement_timeout') AS statement_timeout,"
            + " current_setting('standard_conforming_strings') AS standard_strings,"
            + " current_user::text AS current_role, session_user::text AS session_role,"
            + " to_regclass('pg_temp.scratch') IS NULL AS no_temp_table";

    private static String role() {
        return db.name() + "_mig";
    }

    @BeforeAll
    static void aRoleToSwitchTo() {
        db.execute("CREATE ROLE " + role());
    }

    @AfterAll
    static void dropTheRole() {
        db.execute("DROP OWNED BY " + role() + "; DROP ROLE " + role());
    }

    /**
     * @param name      what the first revision does to its session
     * @param statement the statement
     */
    record SessionChange(String name, String statement) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<SessionChange> changes() {
        return Stream.of(
                new SessionChange("SET search_path", "SET search_path = elsewhere, public"),
                new SessionChange("set_config of search_path", "SELECT set_config('search_path', 'elsewhere', false)"),
                new SessionChange("SET application_name", "SET application_name = 'mig'"),
                new SessionChange("set_config of application_name", "SELECT set_config('application_name', 'mig', false)"),
                new SessionChange("SET TIME ZONE", "SET TIME ZONE 'Pacific/Chatham'"),
                new SessionChange("SET DateStyle", "SET DateStyle = 'SQL, DMY'"),
                new SessionChange("SET IntervalStyle", "SET IntervalStyle = 'iso_8601'"),
                new SessionChange("SET statement_timeout", "SET statement_timeout = '42s'"),
                new SessionChange("SET standard_conforming_strings", "SET standard_conforming_strings = off"),
                new SessionChange("SET ROLE", "SET ROLE " + role()),
                new SessionChange("SET SESSION AUTHORIZATION", "SET SESSION AUTHORIZATION " + role()),
                new SessionChange("a temporary table", "CREATE TEMPORARY TABLE scratch (id int)"),
                new SessionChange("several at once",
                        "SET application_name = 'mig'; SET TimeZone = 'UTC'; SET ROLE " + role()));
    }

    @ParameterizedTest(name = "{0}, transactional")
    @MethodSource("changes")
    void aTransactionalRevisionsSessionChangeEndsWithIt(SessionChange change) {
        assertTheChangeEndsWithItsRevision(change, "");
    }

    @ParameterizedTest(name = "{0}, not transactional")
    @MethodSource("changes")
    void aNonTransactionalRevisionsSessionChangeEndsWithIt(SessionChange change) {
        assertTheChangeEndsWithItsRevision(change, "-- transactional: false\n");
    }

    @ParameterizedTest(name = "{0}, in a section too large for one round trip")
    @MethodSource("changes")
    void aLargeRevisionsSessionChangeEndsWithIt(SessionChange change) {
        StringBuilder padding = new StringBuilder();
        for (int i = 0; padding.length() < 300 * 1024; i++) {
            padding.append("INSERT INTO padding VALUES (").append(i).append(", '").append("x".repeat(100)).append("');\n");
        }
        assertTheChangeEndsWithItsRevision(new SessionChange(change.name(), "CREATE TABLE padding (id int, filler text);\n"
                + padding + change.statement()), "");
    }

    /**
     * Revision a makes the change (its table is created in {@code public} by its first statement,
     * so the role may use the schema); b, pipelined behind it, writes down its session; c follows.
     * All three are applied in one run, and b saw the session a fresh run starts with.
     */
    private void assertTheChangeEndsWithItsRevision(SessionChange change, String header) {
        db.execute("DROP SCHEMA IF EXISTS elsewhere CASCADE; GRANT CREATE, USAGE ON SCHEMA public TO " + role());
        workspace.files()
                .file("a.sql", "-- revision: a\n" + header + "-- +upgrade\nCREATE SCHEMA elsewhere;\n"
                        + "GRANT CREATE, USAGE ON SCHEMA elsewhere TO " + role() + ";\nSELECT pg_sleep(0.2);\n"
                        + change.statement() + ";\nCREATE TABLE from_a (id int);\n")
                .file("b.sql", "-- revision: b\n-- revises: a\n-- +upgrade\nCREATE TABLE observed AS " + OBSERVED + ";\n")
                .file("c.sql", "-- revision: c\n-- revises: b\n-- +upgrade\nCREATE TABLE from_c (id int);\n");
        Map<String, Object> fresh = db.query(OBSERVED).get(0);

        List<MigrationEvent> events = workspace.retort().upgrade(Target.HEADS).collectList().block(TIMEOUT);

        assertThat(events).filteredOn(RevisionApplied.class::isInstance).hasSize(3);
        assertThat(db.column("SELECT revision::text FROM retort_version", String.class)).containsExactly("c");
        assertThat(db.column("SELECT revision || ':' || success FROM retort_history ORDER BY id", String.class))
                .containsExactly("a:true", "b:true", "c:true");
        assertThat(db.query("SELECT * FROM public.observed").get(0)).isEqualTo(fresh);
        assertThat(db.column("SELECT table_schema || '.' || table_name FROM information_schema.tables"
                + " WHERE table_name IN ('observed', 'from_c') ORDER BY 1", String.class))
                .containsExactly("public.from_c", "public.observed");
    }
}
