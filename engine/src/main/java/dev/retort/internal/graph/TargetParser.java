package dev.retort.internal.graph;

import dev.retort.error.TargetException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the syntax of a target or history range without a graph, so a command can reject a typo
 * before it opens a connection. The grammar is Alembic's:
 *
 * <pre>
 * target := 'heads' | 'base' | ('+' | '-') N | anchor [('+' | '-') N] | name '@base' | name '@' ('+' | '-') N
 * anchor := 'head' | name | name '@head'
 * name   := [A-Za-z0-9_.]+          a revision id, a unique id prefix or a branch label
 * N      := decimal, at least 1
 * range  := [target | 'current'] ':' [target | 'current']   or a single target or 'current'
 * </pre>
 */
public final class TargetParser {

    static final String VALID_FORMS = "Valid targets are 'heads', 'head', 'base', a revision id or unique"
            + " prefix, a branch label, '<rev>@head', '<branch>@base', '+N' or '-N' from the current revision,"
            + " '<rev>+N' or '<rev>-N', and '<branch>@+N' or '<branch>@-N' along one branch only (N at least 1).";

    private static final int MAX_STEP_DIGITS = 6;

    private TargetParser() {
    }

    /**
     * @param text the target as the user wrote it
     * @return the parsed target
     * @throws TargetException if the syntax is invalid, saying what is wrong and which forms are valid
     */
    public static ParsedTarget parse(String text) {
        Objects.requireNonNull(text, "text");
        ParsedTarget target = parseAllowingCurrent(text);
        if (target instanceof ParsedTarget.Current) {
            throw invalid(text, "'current' is only valid in a history range, such as 'current:head'");
        }
        return target;
    }

    /**
     * @param text a history range such as {@code base:head}, {@code -3:}, {@code a1:b2} or {@code current}
     * @return the parsed range; a single target {@code x} without a colon means {@code x:x}
     * @throws TargetException if either side is invalid or there is more than one colon
     */
    public static TargetRange parseRange(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon < 0) {
            Optional<ParsedTarget> point = Optional.of(parseAllowingCurrent(text));
            return new TargetRange(point, point);
        }
        if (text.indexOf(':', colon + 1) >= 0) {
            throw invalid(text, "a range has one ':' between its start and end, such as 'base:head'");
        }
        return new TargetRange(side(text.substring(0, colon)), side(text.substring(colon + 1)));
    }

    private static Optional<ParsedTarget> side(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(parseAllowingCurrent(text));
    }

    private static ParsedTarget parseAllowingCurrent(String text) {
        if (text.isBlank()) {
            throw invalid(text, "it is empty");
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw invalid(text, "it contains whitespace");
        }
        int sign = firstSign(text);
        String core = sign < 0 ? text : text.substring(0, sign);
        int offset = sign < 0 ? 0 : offset(text, text.substring(sign));
        if (core.isEmpty()) {
            return new ParsedTarget.Relative(offset);
        }
        int at = core.indexOf('@');
        return at < 0 ? plain(text, core, offset) : anchored(text, core.substring(0, at), core.substring(at + 1), offset);
    }

    private static int firstSign(String text) {
        int plus = text.indexOf('+');
        int minus = text.indexOf('-');
        return plus < 0 ? minus : minus < 0 ? plus : Math.min(plus, minus);
    }

    private static int offset(String text, String step) {
        String digits = step.substring(1);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(text, "'" + step.charAt(0) + "' must be followed by a number of steps, such as '+2' or 'a1-1'");
        }
        if (digits.length() > MAX_STEP_DIGITS) {
            throw invalid(text, "the relative step " + step + " is too large");
        }
        int steps = Integer.parseInt(digits);
        if (steps == 0) {
            throw invalid(text, "a relative step must be at least 1");
        }
        return step.charAt(0) == '+' ? steps : -steps;
    }

    private static ParsedTarget plain(String text, String name, int offset) {
        requireName(text, name);
        return switch (name) {
            case "heads" -> withoutOffset(text, offset, new ParsedTarget.Heads(), "'heads'");
            case "base" -> withoutOffset(text, offset, new ParsedTarget.Base(), "'base'");
            case "current" -> withoutOffset(text, offset, new ParsedTarget.Current(), "'current'");
            case "head" -> new ParsedTarget.Head(offset);
            default -> new ParsedTarget.Named(name, offset);
        };
    }

    private static ParsedTarget anchored(String text, String name, String suffix, int offset) {
        if (name.isEmpty()) {
            throw invalid(text, "'@' needs a revision or branch label before it, such as 'mybranch@head'");
        }
        requireName(text, name);
        if (GraphValidator.RESERVED.contains(name)) {
            throw invalid(text, "'" + name + "' cannot be combined with '@'");
        }
        return switch (suffix) {
            case "" -> offset == 0 ? failAt(text) : new ParsedTarget.BranchStep(name, offset);
            case "head" -> new ParsedTarget.HeadOf(name, offset);
            case "base" -> withoutOffset(text, offset, new ParsedTarget.BaseOf(name), "'<branch>@base'");
            default -> failAt(text);
        };
    }

    private static ParsedTarget failAt(String text) {
        throw invalid(text, "'@' must be followed by 'head', 'base', '+N' or '-N'");
    }

    private static ParsedTarget withoutOffset(String text, int offset, ParsedTarget target, String what) {
        if (offset != 0) {
            throw invalid(text, what + " cannot take a relative step; use a revision or 'head' with '+N' or '-N'");
        }
        return target;
    }

    private static void requireName(String text, String name) {
        if (!name.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '.')) {
            throw invalid(text, "'" + name + "' is not a revision id, prefix or branch label:"
                    + " only letters, digits, '_' and '.' are allowed");
        }
    }

    static TargetException invalid(String text, String reason) {
        return new TargetException(text, "Invalid target '" + text + "': " + reason + ". " + VALID_FORMS, List.of());
    }
}
