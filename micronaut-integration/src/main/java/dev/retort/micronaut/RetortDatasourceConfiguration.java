package dev.retort.micronaut;

import dev.retort.RetortBuilder;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.util.Toggleable;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How Retort migrates one R2DBC datasource: retort.datasources.NAME, where NAME is the
 * datasource's name under r2dbc.datasources. The default datasource is migrated with the defaults
 * even when it has no entry here.
 *
 * <p>The setters' Javadoc becomes the IDE's configuration metadata, hence plain text.
 */
@EachProperty(RetortDatasourceConfiguration.PREFIX)
public class RetortDatasourceConfiguration implements Toggleable {

    /** The configuration prefix. */
    public static final String PREFIX = "retort.datasources";
    /** The name of the datasource migrated without any configuration. */
    public static final String DEFAULT_DATASOURCE = "default";
    /** Whether a configured datasource is migrated: {@value}. */
    public static final boolean DEFAULT_ENABLED = true;
    /** Where the migration scripts are: {@value}. */
    public static final String DEFAULT_LOCATION = "classpath:db/migrations";
    /** Where migrations take the database: {@value}, every head. */
    public static final String DEFAULT_TARGET = "heads";
    /** When migrations run: before the server accepts traffic. */
    public static final MigrationMode DEFAULT_MODE = MigrationMode.STARTUP;
    /** How long to wait for another instance's migration lock: 10 minutes. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = RetortBuilder.DEFAULT_LOCK_TIMEOUT;
    /** How long to keep retrying while the database is not reachable yet: none, fail at once. */
    public static final Duration DEFAULT_CONNECT_RETRY = Duration.ZERO;
    /** How long one try to connect may take until the database has answered: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = RetortBuilder.DEFAULT_CONNECT_TIMEOUT;
    /** The schema of Retort's tables: {@value}. */
    public static final String DEFAULT_SCHEMA = RetortBuilder.DEFAULT_SCHEMA;
    /** The prefix of Retort's table names: {@value}. */
    public static final String DEFAULT_TABLE_PREFIX = RetortBuilder.DEFAULT_TABLE_PREFIX;

    /** What a Micronaut Data entity that does not match the schema does: warn. */
    public static final EntityCheckMode DEFAULT_ENTITY_CHECK = EntityCheckMode.WARN;
    /** How many more tries a revision gets by default after failing to take a lock in time. */
    public static final int DEFAULT_LOCK_RETRIES = 3;
    /** Lint findings of the pending revisions are logged by default. */
    public static final LintMode DEFAULT_LINT = LintMode.WARN;
    /** Tenant schemas migrated at once by default. */
    public static final int DEFAULT_PARALLEL = 4;

    private final String name;
    private boolean enabled = DEFAULT_ENABLED;
    private List<String> locations = List.of(DEFAULT_LOCATION);
    private String target = DEFAULT_TARGET;
    private @Nullable String baseline;
    private Map<String, String> sessionSettings = Map.of();
    private int lockRetries = DEFAULT_LOCK_RETRIES;
    private LintMode lint = DEFAULT_LINT;
    private List<String> schemas = List.of();
    private @Nullable String schemaPattern;
    private int parallel = DEFAULT_PARALLEL;
    private MigrationMode mode = DEFAULT_MODE;
    private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
    private Duration connectRetry = DEFAULT_CONNECT_RETRY;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private String schema = DEFAULT_SCHEMA;
    private String tablePrefix = DEFAULT_TABLE_PREFIX;
    private boolean validateOnMigrate;
    private EntityCheckMode entityCheck = DEFAULT_ENTITY_CHECK;
    private List<String> entityPackages = List.of();

    /**
     * @param name the datasource's name, as under {@code r2dbc.datasources}
     */
    public RetortDatasourceConfiguration(@Parameter String name) {
        this.name = name;
    }

    /**
     * @return the datasource's name, as under {@code r2dbc.datasources}
     */
    public String getName() {
        return name;
    }

    @Override
    @Bindable(defaultValue = "" + DEFAULT_ENABLED)
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Whether this datasource is migrated. Default: true.
     *
     * @param enabled false to leave the datasource alone
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * @return where the migration scripts are
     */
    @Bindable(defaultValue = DEFAULT_LOCATION)
    public List<String> getLocations() {
        return locations;
    }

    /**
     * Where the migration scripts are: classpath:path (in the application jar or an exploded
     * directory) or file:/path; a location without prefix is a classpath one. Only the .sql files
     * directly in each location are read. Default: classpath:db/migrations.
     *
     * @param locations one or more locations
     */
    public void setLocations(List<String> locations) {
        // "a, b" binds with the blank after the comma kept.
        this.locations = locations.stream().map(String::strip).toList();
    }

    /**
     * @return the target expression
     */
    @Bindable(defaultValue = DEFAULT_TARGET)
    public String getTarget() {
        return target;
    }

    /**
     * Where migrations take the database, in Alembic's grammar (heads, head, a revision,
     * branch@head...). Default: heads.
     *
     * @param target a target expression
     */
    public void setTarget(String target) {
        this.target = target;
    }

    /**
     * @return the revision an existing, unversioned schema is stamped at, or {@code null}
     */
    public @Nullable String getBaseline() {
        return baseline;
    }

    /**
     * For a database whose schema was made before Retort: when Retort's tables do not exist yet
     * and the schema is not empty, stamp this revision (and log it) before upgrading; an empty
     * schema is migrated from base as usual. Like Flyway's {@code baseline-on-migrate} with
     * {@code baseline-version}. Default: none.
     *
     * @param baseline the revision the existing schema corresponds to
     */
    public void setBaseline(@Nullable String baseline) {
        this.baseline = baseline == null || baseline.isBlank() ? null : baseline.strip();
    }

    /**
     * @return the server settings every revision runs with
     */
    public Map<String, String> getSessionSettings() {
        return sessionSettings;
    }

    /**
     * Server settings every revision runs with, e.g. {@code lock_timeout: 5s} so that a revision
     * waiting behind a long transaction fails and is retried instead of blocking every query
     * behind it. A file's {@code -- set:} header adds to them. Default: none.
     *
     * @param sessionSettings names and values
     */
    public void setSessionSettings(Map<String, String> sessionSettings) {
        // Configuration keys may arrive in kebab case; PostgreSQL's setting names use underscores only.
        Map<String, String> names = new LinkedHashMap<>();
        sessionSettings.forEach((name, value) -> names.put(name.replace('-', '_'), value));
        this.sessionSettings = names;
    }

    /**
     * @return the tenant schemas, each migrated on its own; empty: the datasource is one tenant
     */
    public List<String> getSchemas() {
        return schemas;
    }

    /**
     * Tenant schemas of this datasource, each with Retort's tables in it and its migrations run with
     * {@code search_path} set to it, then {@code public}, {@code parallel} at a time. Default: none.
     *
     * @param schemas the schemas
     */
    public void setSchemas(List<String> schemas) {
        this.schemas = schemas.stream().map(String::strip).toList();
    }

    /**
     * @return the SQL {@code LIKE} pattern of the tenant schemas, or {@code null}
     */
    public @Nullable String getSchemaPattern() {
        return schemaPattern;
    }

    /**
     * Like {@link #setSchemas}, for every schema matching an SQL {@code LIKE} pattern
     * ({@code tenant_%}), listed at startup; none matching stops startup.
     *
     * @param schemaPattern the pattern
     */
    public void setSchemaPattern(@Nullable String schemaPattern) {
        this.schemaPattern = schemaPattern == null || schemaPattern.isBlank() ? null : schemaPattern.strip();
    }

    /**
     * @return how many tenant schemas are migrated at once
     */
    @Bindable(defaultValue = "" + DEFAULT_PARALLEL)
    public int getParallel() {
        return parallel;
    }

    /**
     * How many tenant schemas are migrated at once; each holds two connections. Default: 4.
     *
     * @param parallel 1 or more
     */
    public void setParallel(int parallel) {
        this.parallel = parallel;
    }

    /**
     * @return what to do with lint findings of the revisions about to be applied
     */
    @Bindable(defaultValue = "warn")
    public LintMode getLint() {
        return lint;
    }

    /**
     * Lints the pending revisions before migrating (as {@code retort lint} does): {@code off},
     * {@code warn} (log the findings, migrate anyway) or {@code fail} (do not migrate when a finding
     * is an error). Default: {@code warn}.
     *
     * @param lint the mode
     */
    public void setLint(LintMode lint) {
        this.lint = lint;
    }

    /**
     * @return how many more tries a revision gets after failing to take a lock in time
     */
    @Bindable(defaultValue = "" + DEFAULT_LOCK_RETRIES)
    public int getLockRetries() {
        return lockRetries;
    }

    /**
     * How many more tries a transactional revision gets after failing because a lock was not
     * available in time (SQLSTATE 55P03), after 1 s, 2 s, 4 s ... Default: 3.
     *
     * @param lockRetries 0 or more
     */
    public void setLockRetries(int lockRetries) {
        this.lockRetries = lockRetries;
    }

    /**
     * @return when migrations run
     */
    @Bindable(defaultValue = "startup")
    public MigrationMode getMode() {
        return mode;
    }

    /**
     * When migrations run: startup blocks startup until they are done; async starts the
     * application at once, with readiness DOWN and other requests answered 503 until they are
     * done. Default: startup.
     *
     * @param mode the mode
     */
    public void setMode(MigrationMode mode) {
        this.mode = mode;
    }

    /**
     * @return how long to wait for another instance's migration lock
     */
    @Bindable(defaultValue = "10m")
    public Duration getLockTimeout() {
        return lockTimeout;
    }

    /**
     * How long to wait for the migration lock that another instance holds while it migrates the
     * same database, before failing. Default: 10m.
     *
     * @param lockTimeout the timeout
     */
    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    /**
     * @return how long to keep retrying while the database is not reachable yet
     */
    @Bindable(defaultValue = "0s")
    public Duration getConnectRetry() {
        return connectRetry;
    }

    /**
     * How long to keep retrying, with backoff, while the database cannot be reached yet or is still
     * starting (a database container started beside the application). Wrong credentials and a
     * missing database fail at once. Default: 0s.
     *
     * @param connectRetry the window
     */
    public void setConnectRetry(Duration connectRetry) {
        this.connectRetry = connectRetry;
    }

    /**
     * @return how long one try to connect may take until the database has answered
     */
    @Bindable(defaultValue = "10s")
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * How long one try to connect may take until the database has answered the handshake: a
     * server that accepts the connection but never answers (an overloaded proxy, a firewall that
     * drops packets) then fails the migration instead of holding the startup. Default: 10s.
     *
     * @param connectTimeout the limit, positive
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * @return the schema of Retort's tables
     */
    @Bindable(defaultValue = DEFAULT_SCHEMA)
    public String getSchema() {
        return schema;
    }

    /**
     * The schema that holds Retort's version and history tables. Default: public.
     *
     * @param schema a plain identifier
     */
    public void setSchema(String schema) {
        this.schema = schema;
    }

    /**
     * @return the prefix of Retort's table names
     */
    @Bindable(defaultValue = DEFAULT_TABLE_PREFIX)
    public String getTablePrefix() {
        return tablePrefix;
    }

    /**
     * The prefix of Retort's table names (PREFIX_version, PREFIX_history), as the CLI's
     * --table-prefix. Default: retort.
     *
     * @param tablePrefix a plain identifier
     */
    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    /**
     * @return what an entity that does not match the schema does
     */
    @Bindable(defaultValue = "warn")
    public EntityCheckMode getEntityCheck() {
        return entityCheck;
    }

    /**
     * After migrating, compare each Micronaut Data entity (@MappedEntity) with the schema: its
     * table, a column per persisted property, the column types, nullability and the primary key.
     * off: do not compare; warn: log each mismatch with the DDL that fixes it; fail: stop startup
     * (async mode: readiness stays DOWN). Has no effect without Micronaut Data. Default: warn.
     *
     * @param entityCheck the mode
     */
    public void setEntityCheck(EntityCheckMode entityCheck) {
        this.entityCheck = entityCheck;
    }

    /**
     * @return the packages whose entities are this datasource's; empty for every entity
     */
    public List<String> getEntityPackages() {
        return entityPackages;
    }

    /**
     * The packages whose entities (and their subpackages') are stored in this datasource, for
     * the entity check when an application has several datasources. Default: every entity.
     *
     * @param entityPackages package names
     */
    public void setEntityPackages(List<String> entityPackages) {
        this.entityPackages = List.copyOf(entityPackages);
    }

    /**
     * @return whether an applied file edited since, an unknown or a dirty revision stops the migration
     */
    @Bindable(defaultValue = "false")
    public boolean isValidateOnMigrate() {
        return validateOnMigrate;
    }

    /**
     * Compare the database with the migration files before migrating, as Flyway's
     * validateOnMigrate does, and refuse to migrate (and so to start, in startup mode) when an
     * applied file was edited, the database names a revision no file defines, or it is dirty.
     * Default: false, which migrates and then logs those problems as a warning.
     *
     * @param validateOnMigrate true to refuse
     */
    public void setValidateOnMigrate(boolean validateOnMigrate) {
        this.validateOnMigrate = validateOnMigrate;
    }
}
