package dev.retort.cli;

import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/** Two revisions on the same parent: what {@code upgrade head}, {@code branches}, {@code revision} and {@code merge} do. */
class MultipleHeadsIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final ExampleProject project = ExampleProject.on(db);

    @BeforeEach
    void twoRevisionsOnTheExamplesHead() {
        Examples.write(project.migrations(), "003_add_notes", Examples.HEAD,
                "ALTER TABLE candidates ADD COLUMN notes TEXT;", "ALTER TABLE candidates DROP COLUMN notes;");
        Examples.write(project.migrations(), "003_add_website", Examples.HEAD,
                "ALTER TABLE candidates ADD COLUMN website TEXT;", "ALTER TABLE candidates DROP COLUMN website;");
    }

    @Test
    void upgradeHeadExitsTwoNamingBothHeadsAndChangesNothing() {
        assertThatRun(project.run("upgrade", "head")).exitedWith(2).hasNoStackTrace()
                .complained("003_add_notes").complained("003_add_website");

        assertThat(db.scalar("SELECT to_regclass('retort_version') IS NULL")).isEqualTo(true);
    }

    @Test
    void downgradeMinusOneAdvisesABranchStepAndFollowingItRevertsThatBranchOnly() {
        assertThatRun(project.run("-q", "upgrade", "heads")).succeeded();

        assertThatRun(project.run("downgrade", "-1")).exitedWith(2).complained("'003_add_notes@-1'");
        RetortCli.Run script = project.run("downgrade", "003_add_website@-1", "--sql");
        assertThatRun(script).succeeded().printed("DROP COLUMN website");
        assertThat(script.stdout()).doesNotContain("DROP COLUMN notes");
        assertThatRun(project.run("-q", "downgrade", "003_add_notes@-1")).succeeded();

        assertThat(DatabaseReadings.versions(db)).containsExactly("003_add_website");
        assertThat(db.column("SELECT column_name::text FROM information_schema.columns WHERE table_name = 'candidates'"
                + " AND column_name IN ('notes', 'website')", String.class)).containsExactly("website");
    }

    @Test
    void branchesShowsWhereTheyFork() {
        assertThatRun(project.run("branches")).succeeded()
                .printed(Examples.HEAD + " (branchpoint) -> 003_add_notes, 003_add_website\n");
    }

    @Test
    void revisionAsksWhichHeadToBuildOn() {
        assertThatRun(project.run("revision", "-m", "Next")).exitedWith(2).complained("--head")
                .complained("003_add_notes, 003_add_website");
    }

    @Test
    void mergeWritesARevisionOfBothHeadsAndThenUpgradeHeadWorks() throws IOException {
        assertThatRun(project.run("merge", "-m", "Join notes and website", "heads")).succeeded();

        assertThat(Files.readString(project.migrations().resolve("004_join_notes_and_website.sql")))
                .contains("-- revises: 003_add_notes, 003_add_website\n");
        assertThatRun(project.run("heads")).succeeded().printed("004_join_notes_and_website (head) (mergepoint)\n");
        assertThatRun(project.run("upgrade", "head")).succeeded();
        assertThat(DatabaseReadings.versions(db)).containsExactly("004_join_notes_and_website");
    }

    @Test
    void mergeOfOneRevisionIsAnError() {
        assertThatRun(project.run("merge", "-m", "Nothing to join", "003_add_notes")).exitedWith(2)
                .complained("two or more");
    }
}
