package dev.retort.schema;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SchemaDiff}: what differs, said so that a reader knows what to fix. */
class SchemaDiffUnitTests {

    private static SchemaSnapshot snapshot(SchemaObject... objects) {
        return new SchemaSnapshot(List.of(objects));
    }

    @Test
    void equalSnapshotsHaveNoDifferenceWhateverTheirOrder() {
        SchemaObject table = SchemaObject.of(ObjectKind.TABLE, "t", Map.of("exists", "yes"));
        SchemaObject column = SchemaObject.of(ObjectKind.COLUMN, "t.id", Map.of("type", "integer"));

        assertThat(SchemaDiff.between(snapshot(table, column), snapshot(column, table)).isEmpty()).isTrue();
        assertThat(snapshot(table, column)).isEqualTo(snapshot(column, table));
    }

    @Test
    void anAddedARemovedAndAChangedObjectAreEachOneLine() {
        SchemaSnapshot before = snapshot(SchemaObject.of(ObjectKind.COLUMN, "t.a", Map.of("type", "integer")),
                SchemaObject.of(ObjectKind.INDEX, "t_b", Map.of("definition", "CREATE INDEX t_b ON public.t (b)")));
        SchemaSnapshot after = snapshot(SchemaObject.of(ObjectKind.COLUMN, "t.a", Map.of("type", "bigint")),
                SchemaObject.of(ObjectKind.COLUMN, "t.c", Map.of("type", "text")));

        SchemaDiff diff = SchemaDiff.between(before, after);

        assertThat(diff.describe("the migrations", "the database")).containsExactly(
                "column t.a: type differs (the migrations: integer, the database: bigint)",
                "column t.c: in the database, not in the migrations",
                "index t_b: in the migrations, not in the database");
        assertThat(diff.changes()).extracting(SchemaChange::type).containsExactly(SchemaChange.Type.CHANGED,
                SchemaChange.Type.ADDED, SchemaChange.Type.REMOVED);
        assertThat(diff.changes().get(1).differingProperties()).isEmpty();
    }

    @Test
    void aLongOrMultiLineValueIsNamedNotShown() {
        String body = "CREATE FUNCTION f() RETURNS int\n LANGUAGE sql\nAS $$ SELECT %d $$";
        SchemaDiff diff = SchemaDiff.between(
                snapshot(SchemaObject.of(ObjectKind.FUNCTION, "f()", Map.of("definition", body.formatted(1)))),
                snapshot(SchemaObject.of(ObjectKind.FUNCTION, "f()", Map.of("definition", body.formatted(2)))));

        assertThat(diff.describe("a", "b")).containsExactly("function f(): body differs");
    }

    @Test
    void aLongIndexDefinitionIsNamedAsTheDefinition() {
        String definition = "CREATE INDEX candidates_phone ON public.candidates USING btree (%s)";
        SchemaDiff diff = SchemaDiff.between(
                snapshot(SchemaObject.of(ObjectKind.INDEX, "candidates_phone", Map.of("definition",
                        definition.formatted("phone")))),
                snapshot(SchemaObject.of(ObjectKind.INDEX, "candidates_phone", Map.of("definition",
                        definition.formatted("lower(phone)")))));

        assertThat(diff.describe("a", "b")).containsExactly("index candidates_phone: definition differs");
    }

    @Test
    void theTextFormLeavesOutTheExistsMarkerAndIndentsBodies() {
        String text = snapshot(SchemaObject.of(ObjectKind.TABLE, "t", Map.of("exists", "yes", "comment", "c")),
                SchemaObject.of(ObjectKind.FUNCTION, "f()", Map.of("definition", "line 1\nline 2"))).text();

        assertThat(text).isEqualTo("table t\n  comment: c\nfunction f()\n  definition: line 1\n      line 2\n");
    }
}
