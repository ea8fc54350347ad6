package dev.retort.cli.config;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a duration written as people write them ({@code 30s}, {@code 10m}) or in ISO-8601. */
final class Durations {

    private static final Pattern SHORT_FORM = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|min|h)");

    private Durations() {
    }

    /**
     * @param text   such as {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h} or {@code PT10M}
     * @param what   what the value is, for the error message (e.g. {@code lock timeout})
     * @param origin where the value came from, for the error message
     * @return the duration
     * @throws RetortException {@link ErrorCode#INVALID_CONFIGURATION} when it is not a duration
     */
    static Duration parse(String text, String what, String origin) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT_FORM.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofMinutes(amount);
            };
        }
        try {
            Duration duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below, with the forms that are accepted
        }
        throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "The " + what + " '" + text + "' (from " + origin
                + ") is not a duration: write a number with ms, s, m or h, such as 30s or 10m.");
    }
}
