package dev.retort.test.kit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The extension as a user registers it: a migrated database per class, and reset(). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetortDatabaseTests {

    @RegisterExtension
    static final RetortDatabase db = RetortDatabase.migrated("classpath:db/migrations");

    @Test
    @Order(1)
    void theFirstTestFindsTheDatabaseMigratedToHead() {
        assertThat(db.name()).startsWith("retort_retortdatabasetests_");
        assertThat(db.column("SELECT revision::text FROM retort_version", String.class)).containsExactly("002_isbn");
        assertThat(db.column("SELECT column_name::text FROM information_schema.columns WHERE table_name = 'books'"
                + " ORDER BY ordinal_position", String.class)).containsExactly("id", "title", "isbn");
        assertThat(db.retort().current().block(Duration.ofSeconds(30))).containsExactly("002_isbn");
    }

    @Test
    @Order(2)
    void resetEmptiesEverySchemaAndMigratesAgain() {
        db.execute("INSERT INTO books (title, isbn) VALUES ('Dune', '978-0441013593');"
                + " CREATE SCHEMA scratch; CREATE TABLE scratch.notes (id int); CREATE TABLE left_behind (id int)");

        db.reset();

        assertThat(db.column("SELECT count(*) FROM books", Long.class)).containsExactly(0L);
        assertThat(db.column("SELECT revision::text FROM retort_version", String.class)).containsExactly("002_isbn");
        assertThat(db.column("SELECT count(*) FROM retort_history", Long.class)).containsExactly(2L);
        assertThat(db.column("SELECT table_schema || '.' || table_name FROM information_schema.tables"
                + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", String.class))
                .containsExactly("public.books", "public.retort_history", "public.retort_version");
    }

    @Nested
    class Nested_classes {

        @Test
        void shareTheOuterClassDatabase() {
            assertThat(db.name()).startsWith("retort_retortdatabasetests_");
            assertThat(db.column("SELECT revision::text FROM retort_version", String.class)).containsExactly("002_isbn");
        }
    }
}
