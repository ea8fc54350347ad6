package dev.retort;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.error.TargetException;
import dev.retort.test.MigrationFiles;
import dev.retort.test.database.PostgresDatabase;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalogue of malformed input: every case fails with the documented error code and a
 * message that names the file and line (or the value) and says what to do — and the database
 * is exactly as it was before.
 */
class BadInputCatalogueIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    /**
     * One malformed input.
     *
     * @param name      what is wrong, as the test's display name
     * @param files     writes the migration files; a valid base {@code a1} is already there and applied
     * @param run       what the user runs
     * @param code      the expected error code
     * @param fragments what the message must contain
     */
    record BadInput(String name, Consumer<MigrationFiles> files, Function<Retort, Publisher<?>> run, ErrorCode code,
            List<String> fragments) {

        @Override
        public String toString() {
            return name;
        }
    }

    static BadInput upgrade(String name, Consumer<MigrationFiles> files, ErrorCode code, String... fragments) {
        return new BadInput(name, files, r -> r.upgrade(Target.HEADS), code, List.of(fragments));
    }

    static BadInput file(String name, String content, String... fragments) {
        return upgrade(name, f -> f.file("b2.sql", content), ErrorCode.INVALID_MIGRATIONS, fragments);
    }

    static Stream<BadInput> catalogue() {
        return Stream.of(
                file("unknown header key", "-- revises: a1\n-- revisess: a1\n-- +upgrade\nSELECT 1;\n",
                        "b2.sql:2", "unknown header key 'revisess'", "the keys are"),
                file("repeated header key", "-- revises: a1\n-- revises: a1\n-- +upgrade\nSELECT 1;\n",
                        "b2.sql:2", "appears twice"),
                file("transactional is not a boolean", "-- revises: a1\n-- transactional: yes\n-- +upgrade\nSELECT 1;\n",
                        "b2.sql", "true or false"),
                file("SQL before the first section", "-- revises: a1\nCREATE TABLE early (id int);\n-- +upgrade\n",
                        "b2.sql:2", "put statements below a '-- +upgrade' line"),
                file("unknown section marker", "-- revises: a1\n-- +upgrade\nSELECT 1;\n-- +rollback\nSELECT 2;\n",
                        "b2.sql:4", "unknown section marker"),
                file("second upgrade section", "-- revises: a1\n-- +upgrade\nSELECT 1;\n-- +upgrade\nSELECT 2;\n",
                        "b2.sql:4", "a file has one"),
                file("no upgrade section", "-- revises: a1\n-- message: nothing\n", "b2.sql", "no '-- +upgrade' section"),
                file("empty file", "", "b2.sql", "is empty"),
                file("id with a hyphen", "-- revision: b-2\n-- revises: a1\n-- +upgrade\nSELECT 1;\n", "b-2", "b2.sql"),
                file("id with an at sign", "-- revision: b@2\n-- revises: a1\n-- +upgrade\nSELECT 1;\n", "b@2"),
                file("id with a colon", "-- revision: b:2\n-- revises: a1\n-- +upgrade\nSELECT 1;\n", "b:2"),
                file("id with a plus", "-- revision: b+2\n-- revises: a1\n-- +upgrade\nSELECT 1;\n", "b+2"),
                file("reserved id", "-- revision: head\n-- revises: a1\n-- +upgrade\nSELECT 1;\n", "head"),
                file("revises itself", "-- revises: b2\n-- +upgrade\nSELECT 1;\n", "b2", "cycle"),
                upgrade("cycle of two", f -> f.revision("b2", "c3", "SELECT 1;", null).revision("c3", "b2", "SELECT 1;", null),
                        ErrorCode.INVALID_MIGRATIONS, "cycle", "b2", "c3"),
                file("duplicate id", "-- revision: a1\n-- +upgrade\nSELECT 1;\n", "a1.sql", "b2.sql"),
                file("unknown parent", "-- revises: nowhere\n-- +upgrade\nSELECT 1;\n", "nowhere", "b2.sql"),
                file("unknown dependency", "-- revises: a1\n-- depends-on: nowhere\n-- +upgrade\nSELECT 1;\n",
                        "nowhere", "b2.sql"),
                upgrade("branch label used twice",
                        f -> f.file("b2.sql", "-- revises: a1\n-- branch-labels: x\n-- +upgrade\nSELECT 1;\n")
                                .file("c3.sql", "-- revises: a1\n-- branch-labels: x\n-- +upgrade\nSELECT 1;\n"),
                        ErrorCode.INVALID_MIGRATIONS, "b2.sql", "c3.sql"),
                file("unterminated single quote", "-- revises: a1\n-- +upgrade\nSELECT 1;\nSELECT 'abc;\n", "b2.sql:4"),
                file("unterminated dollar quote", "-- revises: a1\n-- +upgrade\nDO $body$ BEGIN\nPERFORM 1;\n",
                        "b2.sql:3", "$body$"),
                file("unterminated block comment", "-- revises: a1\n-- +upgrade\nSELECT 1;\n/* open /* nested */\n",
                        "b2.sql:4"),
                file("unterminated quoted identifier", "-- revises: a1\n-- +upgrade\nSELECT \"abc FROM t;\n", "b2.sql:3"),
                file("unterminated escape string", "-- revises: a1\n-- +upgrade\nSELECT E'it\\'s;\n", "b2.sql:3"),
                file("psql meta-command", "-- revises: a1\n-- +upgrade\n\\echo hello\nSELECT 1;\n", "b2.sql:3", "\\echo"),
                file("concurrent index in a transactional file",
                        "-- revises: a1\n-- +upgrade\nCREATE INDEX CONCURRENTLY i ON t1 (id);\n",
                        "b2.sql:3", "CREATE INDEX CONCURRENTLY", "transactional: false"),
                file("VACUUM in a transactional file", "-- revises: a1\n-- +upgrade\nVACUUM t1;\n", "b2.sql:3", "VACUUM"),
                file("explicit transaction control", "-- revises: a1\n-- +upgrade\nBEGIN;\nCREATE TABLE x (id int);\nCOMMIT;\n",
                        "b2.sql:3", "not allowed"),
                file("COPY FROM STDIN with inline data", "-- revises: a1\n-- +upgrade\nCREATE TABLE c (a int, b text);\n"
                        + "COPY c (a, b) FROM stdin;\n1\tone\n2\ttwo\n\\.\n", "b2.sql:4", "COPY ... FROM STDIN", "INSERT"),
                file("COPY FROM STDIN in a non-transactional file", "-- revises: a1\n-- transactional: false\n-- +upgrade\n"
                        + "CREATE TABLE c (a int);\nCOPY c FROM STDIN WITH (FORMAT csv);\n", "b2.sql:5", "COPY ... FROM STDIN"),
                file("COPY TO STDOUT", "-- revises: a1\n-- +upgrade\nCOPY (SELECT 1) TO STDOUT;\n", "b2.sql:3",
                        "COPY ... TO STDOUT"),
                file("revision id longer than the version column", "-- revision: " + "r".repeat(300)
                        + "\n-- revises: a1\n-- +upgrade\nCREATE TABLE c (a int);\n", "b2.sql", "300 characters", "255"),
                file("revises with only a comma", "-- revises: ,\n-- +upgrade\nSELECT 1;\n", "b2.sql:1",
                        "empty item", "revises"),
                file("revises with an empty item", "-- revises: a1,,\n-- +upgrade\nSELECT 1;\n", "b2.sql:1", "empty item"),
                file("revises with no value", "-- revises:\n-- +upgrade\nSELECT 1;\n", "b2.sql:1", "has no value",
                        "if this revision is a base"),
                file("depends-on with an empty item", "-- revises: a1\n-- depends-on: a1,\n-- +upgrade\nSELECT 1;\n",
                        "b2.sql:2", "empty item"),
                new BadInput("downgrade past a revision without a downgrade section",
                        f -> {
                        }, r -> r.downgrade(Target.BASE), ErrorCode.INVALID_MIGRATIONS,
                        List.of("a1.sql", "no '-- +downgrade' section")),
                new BadInput("unknown target revision", f -> {
                }, r -> r.upgrade(Target.parse("zzz")), ErrorCode.INVALID_TARGET, List.of("zzz")),
                new BadInput("ambiguous prefix",
                        f -> f.revision("b21", "a1", "SELECT 1;", null).revision("b22", "a1", "SELECT 1;", null),
                        r -> r.upgrade(Target.parse("b2")), ErrorCode.INVALID_TARGET, List.of("b21", "b22")),
                new BadInput("head with two heads",
                        f -> f.revision("b2", "a1", "SELECT 1;", null).revision("c3", "a1", "SELECT 1;", null),
                        r -> r.upgrade(Target.HEAD), ErrorCode.INVALID_TARGET, List.of("b2", "c3", "heads")),
                new BadInput("downgrade to a revision that is not applied",
                        f -> f.revision("b2", "a1", "SELECT 1;", "SELECT 1;"),
                        r -> r.downgrade(Target.parse("b2")), ErrorCode.INVALID_TARGET, List.of("b2", "not applied")),
                new BadInput("upgrade with a backward step", f -> {
                }, r -> r.upgrade(Target.parse("-1")), ErrorCode.INVALID_TARGET, List.of("downgrade")),
                new BadInput("relative step past the head", f -> {
                }, r -> r.upgrade(Target.parse("+3")), ErrorCode.INVALID_TARGET, List.of("+3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void isRejectedClearlyAndChangesNothing(BadInput input) {
        applyValidBase();
        input.files().accept(workspace.files());

        assertRejectedWithoutChange(input.run().apply(workspace.retort()), input.code(), input.fragments());
    }

    private void applyValidBase() {
        workspace.files().revision("a1", null, "CREATE TABLE t1 (id int);", null);
        workspace.retort().upgrade(Target.HEADS).blockLast(PATIENCE);
    }

    private void assertRejectedWithoutChange(Publisher<?> run, ErrorCode code, List<String> fragments) {
        DatabaseSnapshot before = DatabaseSnapshot.of(db);
        assertThatThrownBy(() -> Flux.from(run).blockLast(Duration.ofSeconds(60)))
                .isInstanceOf(RetortException.class)
                .satisfies(error -> {
                    assertThat(((RetortException) error).code()).isEqualTo(code);
                    assertThat(error.getMessage()).contains(fragments);
                });
        assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
    }

    @Nested
    class MalformedTargets {

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"+x", "abc@", "-0", "+0", "@head", "", "a b", "head@", "1+", "++1"})
        void areRejectedBeforeAnythingRuns(String target) {
            assertThatThrownBy(() -> Target.parse(target)).isInstanceOf(TargetException.class)
                    .hasMessageContaining("Invalid target").hasMessageContaining("head");
        }
    }

    @Nested
    class StateProblems {

        @Test
        void aVersionTableEditedToAnUnknownRevisionIsReportedAndNothingRuns() {
            applyValidBase();
            workspace.files().revision("b2", "a1", "CREATE TABLE t2 (id int);", null);
            db.execute("UPDATE retort_version SET revision = 'edited_by_hand'");

            assertRejectedWithoutChange(workspace.retort().upgrade(Target.HEADS), ErrorCode.VALIDATION_FAILED,
                    List.of("edited_by_hand", "stamp"));
        }

        @Test
        void aDirectoryWhoseFilesAreAllInSubdirectoriesNamesThem() throws IOException {
            Files.createDirectories(workspace.directory().resolve("set_a"));
            Files.writeString(workspace.directory().resolve("set_a").resolve("a1.sql"), "-- +upgrade\nSELECT 1;\n");

            assertRejectedWithoutChange(workspace.retort().upgrade(Target.HEADS), ErrorCode.INVALID_MIGRATIONS,
                    List.of("no .sql files directly in it", "set_a/", "point the migrations location"));
        }

        @Test
        void aMissingMigrationsDirectoryNamesIt() {
            Retort retort = Retort.builder(db.connectionFactory())
                    .migrations(MigrationSources.directory(workspace.directory().resolve("nowhere"))).build();

            assertRejectedWithoutChange(retort.upgrade(Target.HEADS), ErrorCode.INVALID_MIGRATIONS,
                    List.of("nowhere", "does not exist"));
        }

        @Test
        void aRoleWithoutUsageOnTheSchemaIsToldWhatToGrant() {
            withRestrictedRole(false, retort -> assertRejectedWithoutChange(retort.upgrade(Target.HEADS),
                    ErrorCode.MIGRATION_FAILED, List.of("Cannot read Retort's tables", "42501", "Grant the role USAGE")));
        }

        @Test
        void aRoleWithoutCreatePrivilegeIsToldWhatToGrant() {
            withRestrictedRole(true, retort -> assertRejectedWithoutChange(retort.upgrade(Target.HEADS),
                    ErrorCode.MIGRATION_FAILED, List.of("creating Retort's tables", "42501", "Grant the role CREATE", "rolled back")));
        }

        /** Roles belong to the whole server, so the role is named after this class's database and dropped after. */
        private void withRestrictedRole(boolean usage, Consumer<Retort> test) {
            String role = db.name() + "_ro";
            db.execute("CREATE ROLE " + role + " LOGIN; REVOKE ALL ON SCHEMA public FROM PUBLIC"
                    + (usage ? "; GRANT USAGE ON SCHEMA public TO " + role : ""));
            workspace.files().revision("a1", null, "SELECT 1;", null);
            ConnectionFactoryOptions options = db.options().mutate().option(ConnectionFactoryOptions.USER, role).build();
            try {
                test.accept(Retort.builder(ConnectionFactories.get(options))
                        .migrations(MigrationSources.directory(workspace.directory())).build());
            } finally {
                db.execute("DROP OWNED BY " + role + "; DROP ROLE " + role);
            }
        }

        @Test
        void aHundredMegabyteFileWithAnUnterminatedQuoteNamesTheLineNearItsEnd() throws IOException {
            applyValidBase();
            Path big = workspace.directory().resolve("b2.sql");
            int rows = 1_300_000;
            try (Writer out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
                out.write("-- revises: a1\n-- +upgrade\n");
                for (int i = 0; i < rows; i++) {
                    out.write("INSERT INTO t1 VALUES (" + i + "); -- padding padding padding padding padding pad\n");
                }
                out.write("SELECT 'never closed;\n");
            }
            assertThat(Files.size(big)).isGreaterThan(100_000_000L);

            assertRejectedWithoutChange(workspace.retort().upgrade(Target.HEADS), ErrorCode.INVALID_MIGRATIONS,
                    List.of("b2.sql:" + (rows + 3)));
        }
    }

    @Nested
    class Configuration {

        @ParameterizedTest(name = "schema ''{0}''")
        @ValueSource(strings = {"public; DROP TABLE t1", "1abc", "sch\"ema", ""})
        void anInvalidSchemaIsRejectedWhenBuilding(String schema) {
            assertThatThrownBy(() -> Retort.builder(db.connectionFactory())
                    .migrations(MigrationSources.directory(workspace.directory())).schema(schema).build())
                    .isInstanceOf(RetortException.class).hasMessageContaining("Invalid schema");
        }

        @Test
        void anInvalidTablePrefixIsRejectedWhenBuilding() {
            assertThatThrownBy(() -> Retort.builder(db.connectionFactory())
                    .migrations(MigrationSources.directory(workspace.directory())).tablePrefix("x-y").build())
                    .isInstanceOf(RetortException.class).hasMessageContaining("Invalid table prefix");
        }
    }
}
