package dev.retort.micronaut;

import dev.retort.DatabaseUrls;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.env.PropertySource;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets an application take its database URL in the forms platforms and other tools give it:
 * {@code DATABASE_URL} (Heroku, Render, Alembic setups) becomes the {@code default} datasource's
 * URL when the configuration files give it none, and a {@code postgres://}, {@code postgresql://}
 * or {@code jdbc:postgresql://} URL given to {@code r2dbc.datasources.<name>.url} through an
 * environment variable or a system property is converted to R2DBC (never opened with JDBC), since
 * micronaut-r2dbc reads only {@code r2dbc:} URLs. Registered as a service, so every application
 * context built with the module on the class path has it; it reads only the process's environment
 * and system properties, never the configuration files.
 */
public final class DatabaseUrlConfigurer implements ApplicationContextConfigurer {

    /** Where platforms put the database's URL. */
    static final String DATABASE_URL = "DATABASE_URL";
    /** Above system properties (-100), below what a test or the builder sets directly (0). */
    private static final int CONVERTED_ORDER = -50;
    /** Below the configuration files (-300): a file's URL wins over the platform's. */
    private static final int DATABASE_URL_ORDER = -400;
    private static final Pattern VARIABLE = Pattern.compile("R2DBC_DATASOURCES_([A-Z0-9]+)_URL");
    private static final Pattern PROPERTY = Pattern.compile("r2dbc\\.datasources\\.([^.]+)\\.url");

    private final Map<String, String> environment;
    private final Map<?, ?> systemProperties;

    /** The service: the process's environment and system properties. */
    public DatabaseUrlConfigurer() {
        this(System.getenv(), System.getProperties());
    }

    /**
     * @param environment      the environment variables
     * @param systemProperties the system properties
     */
    DatabaseUrlConfigurer(Map<String, String> environment, Map<?, ?> systemProperties) {
        this.environment = environment;
        this.systemProperties = systemProperties;
    }

    @Override
    public void configure(ApplicationContextBuilder builder) {
        Map<String, Object> converted = new LinkedHashMap<>();
        environment.forEach((name, value) -> convert(VARIABLE.matcher(name), value, converted));
        systemProperties.forEach((name, value) -> convert(PROPERTY.matcher(String.valueOf(name)), String.valueOf(value),
                converted));
        if (!converted.isEmpty()) {
            builder.propertySources(PropertySource.of("retort-converted-urls", converted, CONVERTED_ORDER));
        }
        String databaseUrl = environment.get(DATABASE_URL);
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            builder.propertySources(PropertySource.of("retort-database-url",
                    Map.of("r2dbc.datasources.default.url", DatabaseUrls.toR2dbc(databaseUrl)), DATABASE_URL_ORDER));
        }
    }

    private static void convert(Matcher name, String url, Map<String, Object> converted) {
        if (name.matches() && !url.strip().toLowerCase(Locale.ROOT).startsWith("r2dbc:")) {
            converted.put("r2dbc.datasources." + name.group(1).toLowerCase(Locale.ROOT) + ".url", DatabaseUrls.toR2dbc(url));
        }
    }
}
