package dev.retort.bench.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/** Medians: robust to the one slow run that a shared machine produces now and then. */
public final class Stats {

    private Stats() {
    }

    /**
     * @param values some values
     * @return their median (the mean of the middle two for an even count), or empty when there are none
     */
    public static OptionalDouble median(List<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return OptionalDouble.of(sorted.size() % 2 == 1 ? sorted.get(middle)
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
    }
}
