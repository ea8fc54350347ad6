package dev.retort;

import dev.retort.schema.ObjectKind;
import dev.retort.schema.SchemaChange;
import dev.retort.schema.SchemaDiff;
import dev.retort.schema.SchemaSnapshot;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link Retort#schema()}: every object kind is read, and a change of each is seen. */
class SchemaIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    /**
     * @param kind   the kind shown
     * @param name   the object's name in the snapshot
     * @param create the smallest schema that has it
     * @param change a change of it made by hand
     */
    record Case(ObjectKind kind, String name, String create, String change) {

        @Override
        public String toString() {
            return kind.label();
        }
    }

    static Stream<Case> kinds() {
        return Stream.of(
                new Case(ObjectKind.EXTENSION, "pg_trgm", "CREATE EXTENSION pg_trgm;", "DROP EXTENSION pg_trgm;"),
                new Case(ObjectKind.ENUM, "mood", "CREATE TYPE mood AS ENUM ('sad', 'ok');",
                        "ALTER TYPE mood ADD VALUE 'happy';"),
                new Case(ObjectKind.DOMAIN, "positive", "CREATE DOMAIN positive AS int CHECK (VALUE > 0);",
                        "ALTER DOMAIN positive SET NOT NULL;"),
                new Case(ObjectKind.COMPOSITE_TYPE, "pair", "CREATE TYPE pair AS (a int, b text);",
                        "ALTER TYPE pair ADD ATTRIBUTE c int;"),
                new Case(ObjectKind.SEQUENCE, "counter", "CREATE SEQUENCE counter;", "ALTER SEQUENCE counter INCREMENT 5;"),
                new Case(ObjectKind.TABLE, "t", "CREATE TABLE t (id int);", "COMMENT ON TABLE t IS 'changed';"),
                new Case(ObjectKind.COLUMN, "t.id", "CREATE TABLE t (id int);", "ALTER TABLE t ALTER id TYPE bigint;"),
                new Case(ObjectKind.CONSTRAINT, "t.t_id_check", "CREATE TABLE t (id int CHECK (id > 0));",
                        "ALTER TABLE t DROP CONSTRAINT t_id_check, ADD CONSTRAINT t_id_check CHECK (id > 1);"),
                new Case(ObjectKind.INDEX, "t_id", "CREATE TABLE t (id int); CREATE INDEX t_id ON t (id);",
                        "DROP INDEX t_id; CREATE INDEX t_id ON t (id DESC);"),
                new Case(ObjectKind.VIEW, "v", "CREATE TABLE t (id int); CREATE VIEW v AS SELECT id FROM t;",
                        "CREATE OR REPLACE VIEW v AS SELECT id FROM t WHERE id > 0;"),
                new Case(ObjectKind.MATERIALIZED_VIEW, "mv", "CREATE MATERIALIZED VIEW mv AS SELECT 1 AS one;",
                        "DROP MATERIALIZED VIEW mv; CREATE MATERIALIZED VIEW mv AS SELECT 2 AS one;"),
                new Case(ObjectKind.FUNCTION, "f()", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';",
                        "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 2';"),
                new Case(ObjectKind.PROCEDURE, "p()", "CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1';",
                        "CREATE OR REPLACE PROCEDURE p() LANGUAGE sql AS 'SELECT 2';"),
                new Case(ObjectKind.TRIGGER, "t.t_touch", "CREATE TABLE t (id int);"
                        + " CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
                        + " CREATE TRIGGER t_touch BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION touch();",
                        "ALTER TABLE t DISABLE TRIGGER t_touch;"),
                new Case(ObjectKind.POLICY, "t.mine", "CREATE TABLE t (id int); ALTER TABLE t ENABLE ROW LEVEL SECURITY;"
                        + " CREATE POLICY mine ON t USING (id > 0);", "ALTER POLICY mine ON t USING (id > 1);"));
    }

    /** What {@code retort check} does: the migrations replayed in a shadow, against the database. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void driftFindsAChangeByHandOfEveryKind(Case kind) {
        workspace.files().revision("a1", null, kind.create(), null);
        workspace.retort().upgrade(Target.HEADS).blockLast(PATIENCE);
        assertThat(workspace.retort().drift().block(PATIENCE).changes()).as("no drift before the change").isEmpty();
        db.execute(kind.change());

        assertThat(workspace.retort().drift().block(PATIENCE).changes())
                .extracting(SchemaChange::kind, SchemaChange::name)
                .contains(org.assertj.core.groups.Tuple.tuple(kind.kind(), kind.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyKindIsReadAndItsChangeIsSeen(Case kind) {
        db.execute(kind.create());
        SchemaSnapshot before = workspace.retort().schema().block(PATIENCE);
        db.execute(kind.change());
        SchemaSnapshot after = workspace.retort().schema().block(PATIENCE);

        assertThat(before.find(kind.kind(), kind.name())).as(before.text()).isPresent();
        assertThat(SchemaDiff.between(before, after).changes()).extracting(SchemaChange::kind, SchemaChange::name)
                .contains(org.assertj.core.groups.Tuple.tuple(kind.kind(), kind.name()));
    }

    @Test
    void theSameSchemaBuiltTwoWaysComparesEqual() {
        db.execute("CREATE TABLE a (id int PRIMARY KEY, name text NOT NULL DEFAULT 'x');"
                + " CREATE INDEX a_name ON a (name);");
        SchemaSnapshot created = workspace.retort().schema().block(PATIENCE);
        db.execute("DROP TABLE a; CREATE TABLE a (id int); ALTER TABLE a ADD PRIMARY KEY (id);"
                + " ALTER TABLE a ADD COLUMN name text; ALTER TABLE a ALTER name SET DEFAULT 'x';"
                + " ALTER TABLE a ALTER name SET NOT NULL; CREATE INDEX a_name ON a (name);");

        assertThat(SchemaDiff.between(created, workspace.retort().schema().block(PATIENCE)).changes()).isEmpty();
    }

    @Test
    void retortsTablesAndExtensionObjectsAreLeftOut() {
        workspace.files().revision("a1", null, "CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE TABLE t (id int);", null);
        workspace.retort().upgrade(Target.HEADS).blockLast(PATIENCE);

        SchemaSnapshot snapshot = workspace.retort().schema().block(PATIENCE);

        assertThat(snapshot.all(ObjectKind.TABLE)).extracting(o -> o.name()).containsExactly("t");
        assertThat(snapshot.all(ObjectKind.FUNCTION)).isEmpty();
        assertThat(snapshot.all(ObjectKind.EXTENSION)).extracting(o -> o.name()).containsExactly("pg_trgm");
    }

    @Test
    void postgisTypesAndGistIndexesAreReadAsTheServerWritesThem() {
        db.execute("CREATE EXTENSION IF NOT EXISTS postgis; CREATE TABLE places (id int, at geometry(Point, 4326));"
                + " CREATE INDEX places_at ON places USING gist (at);");

        SchemaSnapshot snapshot = workspace.retort().schema().block(PATIENCE);

        assertThat(snapshot.find(ObjectKind.COLUMN, "places.at").orElseThrow().properties())
                .containsEntry("type", "public.geometry(Point,4326)");
        assertThat(snapshot.find(ObjectKind.INDEX, "places_at").orElseThrow().properties().get("definition"))
                .isEqualTo("CREATE INDEX places_at ON public.places USING gist (at)");
        assertThat(snapshot.all(ObjectKind.TABLE)).extracting(o -> o.name()).containsExactly("places");
    }

    @Test
    void aChangeReadsAsWhatToFix() {
        db.execute("CREATE TABLE candidates (id int, version int);");
        SchemaSnapshot migrations = workspace.retort().schema().block(PATIENCE);
        db.execute("ALTER TABLE candidates ADD COLUMN nickname text; ALTER TABLE candidates ALTER version TYPE bigint;");

        SchemaDiff drift = SchemaDiff.between(migrations, workspace.retort().schema().block(PATIENCE));

        assertThat(drift.describe("the migrations", "the database")).containsExactly(
                "column candidates.nickname: in the database, not in the migrations",
                "column candidates.version: type differs (the migrations: integer, the database: bigint)");
    }
}
