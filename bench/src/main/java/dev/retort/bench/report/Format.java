package dev.retort.bench.report;

import java.util.OptionalDouble;

/** How figures read in the report: milliseconds below ten seconds, seconds above, "n/a" when missing. */
final class Format {

    private Format() {
    }

    static String time(OptionalDouble ms) {
        return ms.isPresent() ? time(ms.getAsDouble()) : "n/a";
    }

    static String time(double ms) {
        if (Double.isNaN(ms)) {
            return "n/a";
        }
        if (ms >= 10_000) {
            return String.format("%.1f s", ms / 1000);
        }
        if (ms >= 1000) {
            return String.format("%.2f s", ms / 1000);
        }
        return ms >= 100 ? String.format("%.0f ms", ms) : String.format("%.1f ms", ms);
    }

    static String perMigration(OptionalDouble ms, int n) {
        return ms.isPresent() ? String.format("%.2f ms", ms.getAsDouble() / n) : "n/a";
    }

    static String ratio(OptionalDouble value, OptionalDouble base) {
        return value.isPresent() && base.isPresent() && base.getAsDouble() > 0
                ? String.format("%.2f×", value.getAsDouble() / base.getAsDouble()) : "n/a";
    }

    static String mib(OptionalDouble mib) {
        return mib.isPresent() ? String.format("%.0f MiB", mib.getAsDouble()) : "n/a";
    }

    static String count(int n) {
        return String.format("%,d", n);
    }
}
