package dev.retort.cli.command;

import dev.retort.RevisionInfo;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * New revision ids: the next number of the files' sequence and a slug of the message, such as
 * {@code 003_add_rejection_reason}, so that file names sort in the order they were written. Two
 * branches may both create {@code 003_...}; their slugs differ, and {@code merge} joins them.
 */
final class RevisionIds {

    private static final Pattern NUMBERED = Pattern.compile("(\\d+)_.*");
    private static final int MIN_DIGITS = 3;
    private static final int MAX_SLUG_LENGTH = 48;

    private RevisionIds() {
    }

    /**
     * @param existing the revisions the files define
     * @param message  the new revision's message
     * @return an id one above the highest numbered id, zero-padded like it, with the message's slug
     */
    static String next(Collection<RevisionInfo> existing, String message) {
        // More than 18 digits is not a sequence number anyone meant; ignore it rather than overflow.
        List<String> numbers = existing.stream()
                .map(revision -> NUMBERED.matcher(revision.id()))
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1))
                .filter(digits -> digits.length() <= 18)
                .toList();
        long highest = numbers.stream().mapToLong(Long::parseLong).max().orElse(0);
        int width = Math.max(MIN_DIGITS, numbers.stream().mapToInt(String::length).max().orElse(0));
        return String.format(Locale.ROOT, "%0" + width + "d", highest + 1) + "_" + slug(message);
    }

    /**
     * @param message a message
     * @return lower-case letters and digits separated by single underscores, at most 48 characters
     */
    static String slug(String message) {
        String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > MAX_SLUG_LENGTH) {
            int cut = slug.lastIndexOf('_', MAX_SLUG_LENGTH);
            slug = slug.substring(0, cut > 0 ? cut : MAX_SLUG_LENGTH);
        }
        return slug.isEmpty() ? "revision" : slug;
    }
}
