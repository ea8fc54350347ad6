package dev.retort.micronaut;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.naming.NameResolver;
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

    /** micronaut-r2dbc names each factory after its {@code r2dbc.datasources} key; others are not ours. */
    private static Optional<String> datasourceName(BeanCreatedEvent<ConnectionFactory> event) {
        return event.getBeanDefinition() instanceof NameResolver resolver ? resolver.resolveName() : Optional.empty();
    }
}
