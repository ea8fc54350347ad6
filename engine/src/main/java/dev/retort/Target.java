package dev.retort;

import dev.retort.error.TargetException;
import dev.retort.internal.graph.TargetParser;

/**
 * Where a run should take the database, in Alembic's grammar: {@code head}, {@code heads},
 * {@code base}, a revision id or unique prefix, {@code +N}, {@code -N}, {@code <rev>+N},
 * {@code <rev>-N}, {@code <branch>@head}, {@code <branch>@base}, {@code <rev>@head}. The syntax
 * is checked here; whether the revisions exist is checked against the files when a run starts.
 *
 * @param expression the expression as written
 */
public record Target(String expression) {

    /** The single head ({@code head}); a run fails, naming them, when there are several. */
    public static final Target HEAD = new Target("head");
    /** Every head ({@code heads}). */
    public static final Target HEADS = new Target("heads");
    /** Before the first revision ({@code base}). */
    public static final Target BASE = new Target("base");

    /** @throws TargetException when the expression is not of a valid form */
    public Target {
        TargetParser.parse(expression);
    }

    /**
     * @param expression a target expression
     * @return the target
     * @throws TargetException when the expression is not of a valid form, saying which forms are
     */
    public static Target parse(String expression) {
        return new Target(expression == null ? "" : expression.strip());
    }

    @Override
    public String toString() {
        return expression;
    }
}
