package dev.retort.internal.r2dbc;

import dev.retort.error.MigrationExecutionException;
import io.r2dbc.spi.R2dbcException;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the fields PostgreSQL reports with an error beyond its message: the 1-based character
 * position, the detail, the hint and the constraint's name. The R2DBC SPI has no accessor for
 * them, and the engine must not depend on a driver at compile time, so this looks for
 * r2dbc-postgresql's {@code getErrorDetails()} reflectively. Other drivers simply report none.
 */
public final class ServerErrorFields {

    private ServerErrorFields() {
    }

    /**
     * @param error a server error
     * @return the 1-based character position of the error in the query string, if reported
     */
    public static Optional<Integer> position(R2dbcException error) {
        return field(error, "getPosition").flatMap(ServerErrorFields::parse);
    }

    /**
     * @param error a server error
     * @return its detail, hint and constraint name, each if reported
     */
    public static MigrationExecutionException.ServerDetails details(R2dbcException error) {
        return new MigrationExecutionException.ServerDetails(field(error, "getDetail"), field(error, "getHint"),
                field(error, "getConstraintName"));
    }

    private static Optional<String> field(R2dbcException error, String getter) {
        try {
            Object value = invokePublic(invokePublic(error, "getErrorDetails"), getter);
            return value instanceof Optional<?> optional ? optional.map(Object::toString) : Optional.empty();
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
