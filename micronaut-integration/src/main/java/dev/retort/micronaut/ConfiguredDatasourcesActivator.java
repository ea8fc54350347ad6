package dev.retort.micronaut;

import io.micronaut.context.BeanContext;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.retort.micronaut.RetortDatasourceConfiguration.DEFAULT_DATASOURCE;
import static dev.retort.micronaut.RetortDatasourceConfiguration.PREFIX;

/**
 * Creates the {@link ConnectionFactory} of every enabled datasource while the application starts,
 * so that each is migrated (by {@link MigratingConnectionFactoryListener}) before the HTTP server
 * binds, even when no bean injects it. Runs on {@link StartupEvent}, which the context publishes
 * before an embedded server is started.
 */
@Singleton
final class ConfiguredDatasourcesActivator implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredDatasourcesActivator.class);

    private final BeanContext context;
    private final DatasourceConfigurations configurations;

    ConfiguredDatasourcesActivator(BeanContext context, DatasourceConfigurations configurations) {
        this.context = context;
        this.configurations = configurations;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        configurations.configured().stream().filter(RetortDatasourceConfiguration::isEnabled)
                .forEach(configuration -> require(configuration.getName()));
        // The implicit default applies only when there is a default datasource to migrate.
        boolean defaultFound = context.findBean(ConnectionFactory.class, Qualifiers.byName(DEFAULT_DATASOURCE)).isPresent();
        if (!defaultFound && configurations.configured().stream().noneMatch(RetortDatasourceConfiguration::isEnabled)) {
            LOG.warn("Retort found no R2DBC datasource to migrate: it looked for r2dbc.datasources.{} (and for"
                    + " datasources named under {}). Configure r2dbc.datasources.{}.url, or set retort.enabled to false"
                    + " if this application has no database.", DEFAULT_DATASOURCE, PREFIX, DEFAULT_DATASOURCE);
        }
    }

    private void require(String datasource) {
        if (context.findBean(ConnectionFactory.class, Qualifiers.byName(datasource)).isEmpty()) {
            throw new ConfigurationException(PREFIX + "." + datasource + " is configured, but there is no R2DBC"
                    + " datasource '" + datasource + "': configure r2dbc.datasources." + datasource
                    + ".url, or set " + PREFIX + "." + datasource + ".enabled to false.");
        }
    }
}
