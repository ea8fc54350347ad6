package dev.retort;

import dev.retort.error.ErrorCode;
import dev.retort.error.MigrationExecutionException;
import dev.retort.error.RetortException;
import dev.retort.error.RetortTablesException;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RunPlanned;
import dev.retort.test.database.PostgresDatabase;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where Retort's tables go and which rights the first run needs: a role that may create tables
 * in its schema, but not schemas in the database, can run its first migration; a mistyped schema
 * is created only together with the first revision, so a run that fails leaves no schema behind;
 * and a role that may read but not write Retort's tables is told what to grant.
 */
class RolesAndSchemasIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private String role;

    @BeforeEach
    void aRoleOfItsOwn() {
        role = db.name() + "_app";
        db.execute("DROP SCHEMA IF EXISTS pubilc CASCADE; CREATE ROLE " + role + " LOGIN");
    }

    @AfterEach
    void dropTheRole() {
        db.execute("DROP SCHEMA IF EXISTS pubilc CASCADE; DROP OWNED BY " + role + "; DROP ROLE " + role);
    }

    private Retort retortAs(String user, String schema) {
        ConnectionFactoryOptions options = db.options().mutate().option(ConnectionFactoryOptions.USER, user).build();
        return Retort.builder(ConnectionFactories.get(options)).migrations(MigrationSources.directory(workspace.directory()))
                .schema(schema).build();
    }

    @Test
    void aRoleThatMayCreateTablesInItsSchemaButNotSchemasRunsItsFirstMigration() {
        db.execute("GRANT CREATE, USAGE ON SCHEMA public TO " + role);
        assertThat(db.scalar("SELECT has_database_privilege('" + role + "', current_database(), 'CREATE')"))
                .isEqualTo(false);
        workspace.files().revision("a1", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;");

        retortAs(role, "public").upgrade(Target.HEADS).blockLast(TIMEOUT);

        assertThat(workspace.tables()).contains("t1", "retort_version", "retort_history");
        assertThat(db.column("SELECT revision::text FROM retort_version", String.class)).containsExactly("a1");
    }

    @Test
    void aMistypedSchemaIsAnnouncedAndLeftNowhereWhenTheFirstRevisionFails() {
        workspace.files().revision("a1", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
        workspace.retort().upgrade(Target.HEADS).blockLast(TIMEOUT);
        DatabaseSnapshot before = DatabaseSnapshot.of(db);
        List<MigrationEvent> events = new ArrayList<>();

        assertThatThrownBy(() -> retortAs("postgres", "pubilc").upgrade(Target.HEADS).doOnNext(events::add)
                .blockLast(TIMEOUT))
                .isInstanceOf(MigrationExecutionException.class).hasMessageContaining("42P07");

        assertThat(events).filteredOn(RunPlanned.class::isInstance).map(e -> ((RunPlanned) e).newSchema())
                .containsExactly(Optional.of("pubilc"));
        assertThat(db.scalar("SELECT to_regnamespace('pubilc') IS NULL")).isEqualTo(true);
        assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
    }

    @Test
    void aNewSchemaIsCreatedWithTheFirstRevisionAndAnnounced() {
        workspace.files().revision("a1", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
        List<MigrationEvent> events = new ArrayList<>();

        retortAs("postgres", "pubilc").upgrade(Target.HEADS).doOnNext(events::add).blockLast(TIMEOUT);

        assertThat(events).filteredOn(RunPlanned.class::isInstance).map(e -> ((RunPlanned) e).newSchema())
                .containsExactly(Optional.of("pubilc"));
        assertThat(db.column("SELECT revision::text FROM pubilc.retort_version", String.class)).containsExactly("a1");
    }

    @Test
    void aRoleThatMayOnlyReadRetortsTablesIsToldWhatToGrantWhenItStamps() {
        workspace.files().revision("a1", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
        workspace.retort().stamp(Target.BASE).blockLast(TIMEOUT);
        db.execute("GRANT USAGE ON SCHEMA public TO " + role + "; GRANT SELECT ON retort_version, retort_history TO " + role);
        DatabaseSnapshot before = DatabaseSnapshot.of(db);

        assertThatThrownBy(() -> retortAs(role, "public").stamp(Target.HEAD).blockLast(TIMEOUT))
                .isInstanceOf(RetortTablesException.class)
                .satisfies(error -> assertThat(((RetortException) error).code()).isEqualTo(ErrorCode.MIGRATION_FAILED))
                .hasMessageContaining("Cannot stamp").hasMessageContaining("42501").hasMessageContaining("Grant");
        assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
    }
}
