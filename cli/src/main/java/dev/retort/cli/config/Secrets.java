package dev.retort.cli.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of everything the CLI prints. It masks the password part of any URL
 * ({@code user:secret@} becomes {@code user:****@}) and replaces every password it was told
 * about, wherever it appears, because driver messages and stack traces are not ours to trust.
 */
public final class Secrets {

    private static final String MASK = "****";
    // In a URL's user-info a '/', '@' or space must be percent-encoded, so none ends a password early.
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/@\\s:]*:)([^/@\\s]*)@");

    private final Set<String> passwords = new LinkedHashSet<>();

    /**
     * Remembers a password, and the password inside a URL, to scrub them from later output.
     *
     * @param passwordOrUrl a password, a URL, or {@code null}
     * @param isUrl         whether the value is a URL
     */
    public void remember(String passwordOrUrl, boolean isUrl) {
        if (passwordOrUrl == null || passwordOrUrl.isEmpty()) {
            return;
        }
        if (isUrl) {
            urlPassword(passwordOrUrl).ifPresent(password -> {
                passwords.add(password);
                passwords.add(percentDecoded(password));
            });
        } else {
            passwords.add(passwordOrUrl);
        }
    }

    /**
     * @param text any text about to be printed
     * @return the text with URL passwords masked and every remembered password replaced
     */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = maskUrl(text);
        for (String password : passwords) {
            if (!password.isEmpty()) {
                scrubbed = scrubbed.replace(password, MASK);
            }
        }
        return scrubbed;
    }

    /**
     * @param text text that may contain URLs
     * @return the text with the password of every {@code scheme://user:password@host} masked
     */
    public static String maskUrl(String text) {
        return text == null ? null : URL_PASSWORD.matcher(text).replaceAll("$1" + MASK + "@");
    }

    /**
     * @param url a URL
     * @return it without the password of its user-info, for writing into a file
     */
    public static String withoutPassword(String url) {
        return URL_PASSWORD.matcher(url).replaceAll(matcher -> Matcher.quoteReplacement(
                matcher.group(1).substring(0, matcher.group(1).length() - 1) + "@"));
    }

    private static Optional<String> urlPassword(String url) {
        Matcher matcher = URL_PASSWORD.matcher(url);
        return matcher.find() ? Optional.of(matcher.group(2)).filter(p -> !p.isEmpty()) : Optional.empty();
    }

    private static String percentDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
