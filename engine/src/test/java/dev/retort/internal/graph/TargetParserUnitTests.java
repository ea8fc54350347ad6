package dev.retort.internal.graph;

import dev.retort.error.TargetException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The target grammar, checked without a graph. */
class TargetParserUnitTests {

    static Stream<Arguments> validTargets() {
        return Stream.of(
                arguments("heads", new ParsedTarget.Heads()),
                arguments("base", new ParsedTarget.Base()),
                arguments("head", new ParsedTarget.Head(0)),
                arguments("head-1", new ParsedTarget.Head(-1)),
                arguments("a1b2", new ParsedTarget.Named("a1b2", 0)),
                arguments("1.2_x", new ParsedTarget.Named("1.2_x", 0)),
                arguments("a1+2", new ParsedTarget.Named("a1", 2)),
                arguments("a1-10", new ParsedTarget.Named("a1", -10)),
                arguments("mybranch@head", new ParsedTarget.HeadOf("mybranch", 0)),
                arguments("mybranch@head-2", new ParsedTarget.HeadOf("mybranch", -2)),
                arguments("mybranch@base", new ParsedTarget.BaseOf("mybranch")),
                arguments("+2", new ParsedTarget.Relative(2)),
                arguments("-1", new ParsedTarget.Relative(-1)));
    }

    static Stream<Arguments> invalidTargets() {
        return Stream.of(
                arguments("-0", "a relative step must be at least 1"),
                arguments("+0", "a relative step must be at least 1"),
                arguments("+x", "'+' must be followed by a number of steps"),
                arguments("a1-", "'-' must be followed by a number of steps"),
                arguments("a+1+2", "'+' must be followed by a number of steps"),
                arguments("+1234567", "is too large"),
                arguments("abc@", "'@' must be followed by 'head', 'base', '+N' or '-N'"),
                arguments("abc@tail", "'@' must be followed by 'head', 'base', '+N' or '-N'"),
                arguments("@head", "'@' needs a revision or branch label before it"),
                arguments("", "it is empty"),
                arguments("  ", "it is empty"),
                arguments("a b", "it contains whitespace"),
                arguments(" head", "it contains whitespace"),
                arguments("heads+1", "'heads' cannot take a relative step"),
                arguments("base-1", "'base' cannot take a relative step"),
                arguments("x@base+1", "'<branch>@base' cannot take a relative step"),
                arguments("head@head", "'head' cannot be combined with '@'"),
                arguments("a/b", "'a/b' is not a revision id, prefix or branch label"),
                arguments("current", "'current' is only valid in a history range"));
    }

    @Nested
    class Targets {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.retort.internal.graph.TargetParserUnitTests#validTargets")
        void everyValidFormParsesToItsTarget(String text, ParsedTarget expected) {
            assertThat(TargetParser.parse(text)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.retort.internal.graph.TargetParserUnitTests#validTargets")
        void theCanonicalExpressionIsWhatWasWritten(String text, ParsedTarget expected) {
            assertThat(expected.expression()).isEqualTo(text);
        }

        @ParameterizedTest(name = "''{0}''")
        @MethodSource("dev.retort.internal.graph.TargetParserUnitTests#invalidTargets")
        void everyInvalidFormSaysWhatIsWrongAndWhatIsValid(String text, String reason) {
            TargetException thrown = catchThrowableOfType(TargetException.class, () -> TargetParser.parse(text));

            assertThat(thrown).isNotNull();
            assertThat(thrown.getMessage()).startsWith("Invalid target '" + text + "': ").contains(reason)
                    .endsWith(TargetParser.VALID_FORMS);
            assertThat(thrown.target()).isEqualTo(text);
            assertThat(thrown.candidates()).isEmpty();
        }

        @Test
        void leadingZerosInAStepAreAccepted() {
            assertThat(TargetParser.parse("+01")).isEqualTo(new ParsedTarget.Relative(1));
        }
    }

    @Nested
    class Ranges {

        @Test
        void bothSidesAreOptional() {
            assertThat(TargetParser.parseRange("base:head"))
                    .isEqualTo(new TargetRange(Optional.of(new ParsedTarget.Base()), Optional.of(new ParsedTarget.Head(0))));
            assertThat(TargetParser.parseRange(":a1"))
                    .isEqualTo(new TargetRange(Optional.empty(), Optional.of(new ParsedTarget.Named("a1", 0))));
            assertThat(TargetParser.parseRange("-3:"))
                    .isEqualTo(new TargetRange(Optional.of(new ParsedTarget.Relative(-3)), Optional.empty()));
            assertThat(TargetParser.parseRange(":")).isEqualTo(new TargetRange(Optional.empty(), Optional.empty()));
        }

        @Test
        void currentIsAllowedOnEitherSideAndAloneMeansJustThatPoint() {
            Optional<ParsedTarget> current = Optional.of(new ParsedTarget.Current());

            assertThat(TargetParser.parseRange("current")).isEqualTo(new TargetRange(current, current));
            assertThat(TargetParser.parseRange("current:br@head"))
                    .isEqualTo(new TargetRange(current, Optional.of(new ParsedTarget.HeadOf("br", 0))));
        }

        @Test
        void aSecondColonIsRejected() {
            assertThat(catchThrowableOfType(TargetException.class, () -> TargetParser.parseRange("a:b:c")))
                    .hasMessageContaining("a range has one ':' between its start and end");
        }

        @Test
        void anInvalidSideIsRejectedWithItsOwnReason() {
            assertThat(catchThrowableOfType(TargetException.class, () -> TargetParser.parseRange("abc@:head")))
                    .hasMessageStartingWith("Invalid target 'abc@': '@' must be followed by 'head', 'base', '+N' or '-N'");
        }
    }
}
