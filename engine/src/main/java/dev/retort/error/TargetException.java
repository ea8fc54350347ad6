package dev.retort.error;

import java.util.List;

/**
 * A target ({@code head}, {@code +2}, {@code abc@head}, a prefix...) cannot be resolved: bad
 * syntax, unknown revision, ambiguous prefix, several heads where one was asked for, or a
 * relative step that leaves the graph. {@link #candidates()} lists the revisions the user can
 * choose from where that helps (the heads, the ids sharing a prefix).
 */
public final class TargetException extends RetortException {

    private final String target;
    private final List<String> candidates;

    /**
     * @param target     the expression as the user wrote it
     * @param message    what is wrong and what to do
     * @param candidates revisions the user may have meant; empty if none apply
     */
    public TargetException(String target, String message, List<String> candidates) {
        super(ErrorCode.INVALID_TARGET, message);
        this.target = target;
        this.candidates = List.copyOf(candidates);
    }

    /** @return the target expression as written */
    public String target() {
        return target;
    }

    /** @return the revisions the user may have meant (heads, prefix matches), possibly empty */
    public List<String> candidates() {
        return candidates;
    }
}
