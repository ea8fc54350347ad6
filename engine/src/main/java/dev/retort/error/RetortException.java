package dev.retort.error;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * The root of every failure Retort reports. Unchecked, so it travels through Reactor's
 * {@code onError} unchanged; the {@link ErrorCode} says what kind of failure it is, the
 * subclasses carry the facts (file, line, revision, SQLSTATE).
 */
public class RetortException extends RuntimeException {

    private final ErrorCode code;

    /**
     * @param code    the kind of failure
     * @param message a complete sentence: what failed, where, and what to do
     */
    public RetortException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /**
     * @param code    the kind of failure
     * @param message a complete sentence: what failed, where, and what to do
     * @param cause   the underlying exception, typically an R2DBC one, or {@code null}
     */
    public RetortException(ErrorCode code, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * @return the kind of failure, which also determines the CLI's exit code
     */
    public ErrorCode code() {
        return code;
    }
}
