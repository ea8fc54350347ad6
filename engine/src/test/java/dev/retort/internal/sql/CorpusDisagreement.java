package dev.retort.internal.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The first place where our view of a corpus file and psql's differ. Only the first is reported:
 * after a wrong cut the two lists are out of step and later differences are echoes of it.
 *
 * @param file   the corpus file
 * @param line   the file line to report: the earlier of the two views' lines
 * @param index  the 0-based index of the first differing element
 * @param ours   our element there, or {@code null} when we have no more
 * @param psql   psql's element there, or {@code null} when it has no more
 * @param counts both list sizes, "ours/psql"
 */
record CorpusDisagreement(String file, int line, int index, Object ours, Object psql, String counts) {

    /** Long statements are cut in messages; the start and the line are what locate the problem. */
    private static final int SHOWN = 600;

    /**
     * @param file the corpus file, for the message
     * @param ours our elements
     * @param psql psql's elements
     * @param line the file line of an element, 0 when unknown
     * @param <T>  the element type, whose {@code toString} is shown
     * @return the first difference, if any
     */
    static <T> Optional<CorpusDisagreement> find(String file, List<T> ours, List<T> psql, ToIntFunction<T> line) {
        int max = Math.max(ours.size(), psql.size());
        for (int i = 0; i < max; i++) {
            T mine = i < ours.size() ? ours.get(i) : null;
            T theirs = i < psql.size() ? psql.get(i) : null;
            if (!Objects.equals(mine, theirs)) {
                int reported = Math.min(lineOf(mine, line), lineOf(theirs, line));
                return Optional.of(new CorpusDisagreement(file, reported == Integer.MAX_VALUE ? 0 : reported, i,
                        mine, theirs, ours.size() + "/" + psql.size()));
            }
        }
        return Optional.empty();
    }

    private static <T> int lineOf(T element, ToIntFunction<T> line) {
        int value = element == null ? 0 : line.applyAsInt(element);
        return value == 0 ? Integer.MAX_VALUE : value;
    }

    @Override
    public String toString() {
        return file + ":" + line + ": statement " + (index + 1) + " differs (statements ours/psql: " + counts + ")"
                + "\n  ours: " + shown(ours) + "\n  psql: " + shown(psql);
    }

    private static String shown(Object element) {
        if (element == null) {
            return "(no statement)";
        }
        String text = element.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + " [... " + (text.length() - SHOWN) + " more chars]";
    }
}
