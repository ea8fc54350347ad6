package dev.retort.internal.execute;

import io.r2dbc.spi.R2dbcException;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the 1-based character position PostgreSQL reports for an error. The R2DBC SPI has no
 * accessor for it, and the engine must not depend on a driver at compile time, so this looks for
 * r2dbc-postgresql's {@code getErrorDetails().getPosition()} reflectively. Other drivers simply
 * report no position, and the statement's first line is used.
 */
final class ServerPosition {

    private ServerPosition() {
    }

    static Optional<Integer> of(R2dbcException error) {
        try {
            Object details = invokePublic(error, "getErrorDetails");
            Object position = invokePublic(details, "getPosition");
            return position instanceof Optional<?> optional
                    ? optional.map(Object::toString).flatMap(ServerPosition::parse)
                    : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Invokes a no-argument method through a public type that declares it: the driver's
     * exception classes are package-private, their interfaces are not.
     */
    private static Object invokePublic(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> candidate : candidates(type)) {
                if (Modifier.isPublic(candidate.getModifiers())) {
                    try {
                        return candidate.getMethod(name).invoke(target);
                    } catch (NoSuchMethodException e) {
                        // not declared here; keep looking
                    }
                }
            }
        }
        throw new NoSuchMethodException(name);
    }

    private static List<Class<?>> candidates(Class<?> type) {
        List<Class<?>> candidates = new ArrayList<>();
        candidates.add(type);
        candidates.addAll(Arrays.asList(type.getInterfaces()));
        return candidates;
    }

    private static Optional<Integer> parse(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
