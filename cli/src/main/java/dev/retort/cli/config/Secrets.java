package dev.retort.cli.config;

import io.r2dbc.spi.ConnectionFactoryOptions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of everything the CLI prints.
 *
 * <p>The first line of defence is never to put one into a message: a database is described from
 * the parts of its parsed URL that are not secret ({@link #describe}), and a URL that does not
 * parse is described by its scheme alone ({@link #scheme}). The second, for messages Retort does
 * not write (the driver's, a stack trace), is {@link #scrub}: every password it was told about,
 * wherever it stands as a whole token, is replaced. Passwords of fewer than
 * {@value #SHORTEST_SCRUBBED} characters are not scrubbed, because replacing every "e" in a
 * message would tell more about a one-letter password than it hides.
 */
public final class Secrets {

    private static final String MASK = "****";
    /** See the class comment. */
    static final int SHORTEST_SCRUBBED = 4;
    /** A {@code password=} option in a URL's query, up to the next {@code &}. */
    private static final Pattern QUERY_PASSWORD = Pattern.compile("([?&][A-Za-z]*password=)([^&]*)",
            Pattern.CASE_INSENSITIVE);

    private final Set<String> passwords = new LinkedHashSet<>();

    /**
     * Remembers a password, or the passwords inside a URL (its user-info and any
     * {@code password=} option, as written and percent-decoded), to scrub them from later output.
     *
     * @param passwordOrUrl a password, a URL, or {@code null}
     * @param isUrl         whether the value is a URL
     */
    public void remember(String passwordOrUrl, boolean isUrl) {
        if (passwordOrUrl == null || passwordOrUrl.isEmpty()) {
            return;
        }
        if (!isUrl) {
            passwords.add(passwordOrUrl);
            return;
        }
        parse(passwordOrUrl).map(options -> options.getValue(ConnectionFactoryOptions.PASSWORD))
                .ifPresent(password -> passwords.add(password.toString()));
        userInfoPassword(passwordOrUrl).ifPresent(this::rememberWritten);
        Matcher query = QUERY_PASSWORD.matcher(passwordOrUrl);
        while (query.find()) {
            rememberWritten(query.group(2));
        }
    }

    private void rememberWritten(String password) {
        passwords.add(password);
        passwords.add(percentDecoded(password));
    }

    /**
     * @param text any text about to be printed
     * @return the text with every remembered password of {@value #SHORTEST_SCRUBBED} or more
     *     characters replaced where it stands as a whole token
     */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String password : passwords) {
            if (password.length() >= SHORTEST_SCRUBBED) {
                scrubbed = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(password) + "(?![\\p{L}\\p{N}])")
                        .matcher(scrubbed).replaceAll(MASK);
            }
        }
        return scrubbed;
    }

    /**
     * Describes where a URL points without a password in it: built from its parsed, non-secret
     * parts, never from its text.
     *
     * @param url  an R2DBC URL
     * @param user a user overriding the URL's, or {@code null}
     * @return {@code r2dbc:postgresql://user@host:port/database}, or where it came from when it does not parse
     */
    public static String describe(String url, String user) {
        return parse(url).map(options -> {
            Object effectiveUser = user != null ? user : options.getValue(ConnectionFactoryOptions.USER);
            Object port = options.getValue(ConnectionFactoryOptions.PORT);
            Object database = options.getValue(ConnectionFactoryOptions.DATABASE);
            return "r2dbc:" + options.getValue(ConnectionFactoryOptions.DRIVER) + "://"
                    + (effectiveUser != null ? effectiveUser + "@" : "") + options.getValue(ConnectionFactoryOptions.HOST)
                    + (port != null ? ":" + port : "") + (database != null ? "/" + database : "");
        }).orElse("a URL starting with '" + scheme(url) + "'");
    }

    /**
     * @param url any text given as a URL
     * @return what precedes its {@code ://}, the only part of a malformed URL safe to print
     */
    public static String scheme(String url) {
        int end = url.indexOf("://");
        return end < 0 ? "(no scheme)" : url.substring(0, end);
    }

    /**
     * @param url a URL
     * @return it without the password of its user-info or any {@code password=} option, for writing into a file
     */
    public static String withoutPassword(String url) {
        String withoutOption = QUERY_PASSWORD.matcher(url).replaceAll("").replaceFirst("^([^?]*)&", "$1?");
        return userInfoPassword(withoutOption).map(password -> {
            int start = withoutOption.indexOf("://") + 3;
            int colon = withoutOption.indexOf(':', start);
            return withoutOption.substring(0, colon) + withoutOption.substring(colon + 1 + password.length());
        }).orElse(withoutOption);
    }

    private static Optional<ConnectionFactoryOptions> parse(String url) {
        try {
            return Optional.of(ConnectionFactoryOptions.parse(url));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The password between the user-info's first {@code :} and the last {@code @} before the host:
     * found this way even when an {@code @}, a space or a {@code /} in it was not percent-encoded.
     */
    private static Optional<String> userInfoPassword(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return Optional.empty();
        }
        start += 3;
        int query = url.indexOf('?', start);
        int at = url.lastIndexOf('@', query < 0 ? url.length() : query);
        if (at < start) {
            return Optional.empty();
        }
        int colon = url.indexOf(':', start);
        return colon >= 0 && colon < at ? Optional.of(url.substring(colon + 1, at)).filter(p -> !p.isEmpty())
                : Optional.empty();
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
