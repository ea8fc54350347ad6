package dev.retort.bench.tool;

/**
 * r2dbc-migrate: conventionally named {@code V<n>__<name>.sql} files; it sends each file to the
 * server as one multi-statement query, in a transaction, and records it in a second one.
 */
public final class R2dbcMigrateTool extends JvmTool implements VersionedFiles {

    /** @param java how to start the child JVM */
    public R2dbcMigrateTool(ChildJava java) {
        super(java);
    }

    @Override
    public String id() {
        return "r2dbc-migrate";
    }

    @Override
    public String label() {
        return "r2dbc-migrate";
    }

    @Override
    protected String classpathName() {
        return "r2dbc-migrate";
    }

    @Override
    protected String runClass() {
        return "dev.retort.bench.child.R2dbcMigrateRun";
    }

    @Override
    public String note() {
        return "files listed by the harness's own MigrateResourceReader (a directory listing; the project's"
                + " readers need Spring or Reflections)";
    }
}
