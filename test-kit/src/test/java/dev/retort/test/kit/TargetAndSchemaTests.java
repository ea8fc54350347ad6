package dev.retort.test.kit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A database migrated to a revision short of head, with Retort's tables in a schema of their own. */
class TargetAndSchemaTests {

    @RegisterExtension
    static final RetortDatabase db = RetortDatabase.migrated("classpath:db/migrations")
            .to("001_books")
            .configure(retort -> retort.schema("bookkeeping"));

    @Test
    void stopsAtTheTargetWithTheConfiguredSchema() {
        assertThat(db.column("SELECT revision::text FROM bookkeeping.retort_version", String.class))
                .containsExactly("001_books");
        assertThat(db.column("SELECT count(*) FROM information_schema.columns WHERE column_name = 'isbn'", Long.class))
                .containsExactly(0L);
    }

    @Test
    void resetMigratesToTheSameTarget() {
        db.reset();
        assertThat(db.column("SELECT revision::text FROM bookkeeping.retort_version", String.class))
                .containsExactly("001_books");
    }
}
