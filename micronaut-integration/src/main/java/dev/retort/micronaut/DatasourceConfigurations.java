package dev.retort.micronaut;

import io.micronaut.context.BeanContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds a datasource's {@link RetortDatasourceConfiguration}: its {@code retort.datasources}
 * entry, or for the {@code default} datasource without one, the defaults, so that adding the
 * module and a {@code db/migrations} folder is enough.
 */
@Singleton
final class DatasourceConfigurations {

    private final BeanContext context;

    DatasourceConfigurations(BeanContext context) {
        this.context = context;
    }

    /**
     * @param datasource a datasource's name
     * @return its configuration, if it has one (explicit, or implicit for {@code default})
     */
    Optional<RetortDatasourceConfiguration> find(String datasource) {
        return context.findBean(RetortDatasourceConfiguration.class, Qualifiers.byName(datasource))
                .or(() -> implicit(datasource));
    }

    /**
     * @return the explicit configurations, those under {@code retort.datasources}
     */
    Collection<RetortDatasourceConfiguration> configured() {
        return context.getBeansOfType(RetortDatasourceConfiguration.class);
    }

    private static Optional<RetortDatasourceConfiguration> implicit(String datasource) {
        return RetortDatasourceConfiguration.DEFAULT_DATASOURCE.equals(datasource)
                ? Optional.of(new RetortDatasourceConfiguration(datasource))
                : Optional.empty();
    }
}
