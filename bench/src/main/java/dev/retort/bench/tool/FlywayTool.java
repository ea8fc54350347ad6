package dev.retort.bench.tool;

/**
 * Flyway (community, JDBC): {@code V<n>__<name>.sql} files in a {@code filesystem:} location,
 * default configuration (validate on migrate, one transaction per migration).
 */
public final class FlywayTool extends JvmTool implements VersionedFiles {

    /** @param java how to start the child JVM */
    public FlywayTool(ChildJava java) {
        super(java);
    }

    @Override
    public String id() {
        return "flyway";
    }

    @Override
    public String label() {
        return "Flyway";
    }

    @Override
    protected String classpathName() {
        return "flyway";
    }

    @Override
    protected String runClass() {
        return "dev.retort.bench.child.FlywayRun";
    }
}
