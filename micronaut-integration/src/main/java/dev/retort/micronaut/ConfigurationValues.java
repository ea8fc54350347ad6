package dev.retort.micronaut;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.convert.TypeConverter;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the module's enum settings as they are written in configuration ({@code async},
 * {@code warn}), and answers a misspelt value with the valid ones rather than Java's
 * {@code No enum constant} message.
 */
@Factory
final class ConfigurationValues {

    @Singleton
    TypeConverter<String, MigrationMode> migrationMode() {
        return (value, type, context) -> Optional.of(parse(value, MigrationMode.class, "retort.datasources.*.mode"));
    }

    @Singleton
    TypeConverter<String, EntityCheckMode> entityCheckMode() {
        return (value, type, context) -> Optional.of(parse(value, EntityCheckMode.class,
                "retort.datasources.*.entity-check"));
    }

    @Singleton
    TypeConverter<String, LintMode> lintMode() {
        return (value, type, context) -> Optional.of(parse(value, LintMode.class, "retort.datasources.*.lint"));
    }

    private static <E extends Enum<E>> E parse(String value, Class<E> type, String key) {
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name)).findFirst()
                .orElseThrow(() -> new ConfigurationException(key + ": '" + value + "' is not one of "
                        + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")) + "."));
    }
}
