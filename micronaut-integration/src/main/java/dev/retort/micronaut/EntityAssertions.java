package dev.retort.micronaut;

import io.micronaut.context.BeanContext;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * For an application's tests: fails when a Micronaut Data entity does not match the schema its
 * migrations made, whatever {@code entity-check} is set to. The JVM's counterpart of Alembic
 * comparing SQLAlchemy models with the database.
 *
 * <pre>{@code
 * @MicronautTest
 * class SchemaTest {
 *     @Inject ApplicationContext context;
 *
 *     @Test
 *     void entitiesMatchTheMigrations() {
 *         EntityAssertions.assertEntitiesMatchSchema(context);
 *     }
 * }
 * }</pre>
 */
public final class EntityAssertions {

    private static final Duration PATIENCE = Duration.ofMinutes(1);

    private EntityAssertions() {
    }

    /**
     * @param context a started application whose datasources Retort migrated
     * @throws AssertionError listing every mismatch, each with the DDL that would fix it
     */
    public static void assertEntitiesMatchSchema(BeanContext context) {
        List<String> mismatches = context.getBean(DatasourceMigrations.class).all().stream()
                .flatMap(migration -> migration.entityMismatches().block(PATIENCE).stream()
                        .map(mismatch -> migration.datasource() + ": " + mismatch.describe()))
                .sorted()
                .collect(Collectors.toList());
        if (!mismatches.isEmpty()) {
            throw new AssertionError("The entities do not match the schema the migrations made:\n  "
                    + String.join("\n  ", mismatches));
        }
    }
}
