package dev.retort.micronaut;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.naming.Named;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Migrates a datasource as its {@link ConnectionFactory} bean is created, before any other bean
 * can receive it: in {@code startup} mode, whoever first asks for the factory gets a migrated
 * database.
 */
@Singleton
final class MigratingConnectionFactoryListener implements BeanCreatedEventListener<ConnectionFactory> {

    private final DatasourceConfigurations configurations;
    private final DatasourceMigrations migrations;

    MigratingConnectionFactoryListener(DatasourceConfigurations configurations, DatasourceMigrations migrations) {
        this.configurations = configurations;
        this.migrations = migrations;
    }

    @Override
    public ConnectionFactory onCreated(BeanCreatedEvent<ConnectionFactory> event) {
        ConnectionFactory factory = event.getBean();
        datasourceName(event).flatMap(configurations::find)
                .filter(RetortDatasourceConfiguration::isEnabled)
                .ifPresent(configuration -> migrations.migrate(configuration, factory));
        return factory;
    }

    /**
     * The name micronaut-r2dbc gives each factory (its r2dbc.datasources key), or an application's
     * {@code @Named}; an unnamed factory is not a configured datasource.
     */
    private static Optional<String> datasourceName(BeanCreatedEvent<ConnectionFactory> event) {
        return event.getBeanDefinition().getDeclaredQualifier() instanceof Named named
                ? Optional.of(named.getName())
                : Optional.empty();
    }
}
