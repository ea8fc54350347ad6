package dev.retort.cli.output;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;

/** The small phrases human output is built from, written once so every command says them alike. */
public final class Words {

    private Words() {
    }

    /**
     * @param heads version rows
     * @return them sorted and comma-separated, or {@code base} when there are none
     */
    public static String heads(Collection<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads.stream().sorted().toList());
    }

    /**
     * @param count how many
     * @param noun  the singular noun
     * @return {@code 1 revision}, {@code 3 revisions}
     */
    public static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /**
     * @param duration a duration
     * @return {@code 12 ms}, {@code 3.4 s} or {@code 2 min 05 s}
     */
    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1_000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
    }
}
