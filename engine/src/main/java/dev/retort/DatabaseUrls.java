package dev.retort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The database URLs Retort's users already have, as R2DBC URLs: Heroku's, Render's and libpq's
 * {@code postgres://} and {@code postgresql://} (what {@code DATABASE_URL} holds and Alembic
 * setups read), and JDBC's {@code jdbc:postgresql://}, converted as text and never opened with
 * JDBC. A user and password given as query parameters move into the URL's user part (R2DBC reads
 * them only there); libpq's and JDBC's names of the TLS and application-name parameters become
 * r2dbc-postgresql's; other parameters pass unchanged.
 */
public final class DatabaseUrls {

    private static final Map<String, String> PARAMETER_NAMES = Map.of(
            "sslmode", "sslMode",
            "sslrootcert", "sslRootCert",
            "sslcert", "sslCert",
            "sslkey", "sslKey",
            "sslpassword", "sslPassword",
            "application_name", "applicationName",
            "applicationname", "applicationName",
            "currentschema", "schema");

    private DatabaseUrls() {
    }

    /**
     * @param url an {@code r2dbc:}, {@code postgres://}, {@code postgresql://} or
     *            {@code jdbc:postgresql:} URL
     * @return the same connection as an R2DBC URL; an {@code r2dbc:} URL unchanged
     * @throws IllegalArgumentException for any other scheme, named without quoting the URL (it may
     *                                  hold a password)
     */
    public static String toR2dbc(String url) {
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("r2dbc:")) {
            return trimmed;
        }
        if (lower.startsWith("jdbc:postgresql://")) {
            return fromLibpq(trimmed.substring("jdbc:postgresql://".length()));
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            // jdbc:postgresql:database and jdbc:postgresql:/ mean the local server.
            String rest = trimmed.substring("jdbc:postgresql:".length());
            return fromLibpq("localhost" + (rest.startsWith("/") ? "" : "/") + rest);
        }
        for (String scheme : List.of("postgresql://", "postgres://")) {
            if (lower.startsWith(scheme)) {
                return fromLibpq(trimmed.substring(scheme.length()));
            }
        }
        int colon = trimmed.indexOf(':');
        throw new IllegalArgumentException("Not a PostgreSQL URL" + (colon > 0 ? " (scheme '"
                + trimmed.substring(0, colon) + "')" : "") + ": write it as r2dbc:postgresql://user@host:5432/database"
                + " (postgres://, postgresql:// and jdbc:postgresql:// URLs work too).");
    }

    /** @param rest what follows {@code scheme://}: {@code [user[:password]@][host][:port][/database][?query]} */
    private static String fromLibpq(String rest) {
        int question = rest.indexOf('?');
        String beforeQuery = question < 0 ? rest : rest.substring(0, question);
        int slash = beforeQuery.indexOf('/');
        String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String database = slash < 0 ? "" : beforeQuery.substring(slash);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at);
        String hosts = at < 0 ? authority : authority.substring(at + 1);
        String user = userInfo.contains(":") ? userInfo.substring(0, userInfo.indexOf(':')) : userInfo;
        String password = userInfo.contains(":") ? userInfo.substring(userInfo.indexOf(':') + 1) : "";
        List<String> parameters = new ArrayList<>();
        if (question >= 0) {
            for (String parameter : rest.substring(question + 1).split("&")) {
                int equals = parameter.indexOf('=');
                String name = equals < 0 ? parameter : parameter.substring(0, equals);
                String value = equals < 0 ? "" : parameter.substring(equals + 1);
                switch (name.toLowerCase(Locale.ROOT)) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    case "" -> { }
                    default -> parameters.add(PARAMETER_NAMES.getOrDefault(name.toLowerCase(Locale.ROOT), name) + "="
                            + value);
                }
            }
        }
        String credentials = user.isEmpty() ? "" : user + (password.isEmpty() ? "" : ":" + password) + "@";
        return "r2dbc:postgresql://" + credentials + (hosts.isEmpty() ? "localhost" : hosts) + database
                + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
    }
}
