package dev.retort.cli.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The configuration a command runs with, after flags, environment, {@code retort.properties} and
 * defaults have been layered.
 *
 * @param url         the R2DBC URL as configured (may hold a password; print it only through {@link Secrets})
 * @param user        the user overriding the URL's, or {@code null}
 * @param password    the password overriding the URL's, or {@code null}
 * @param migrations  the migrations directory, absolute
 * @param schema      the schema of Retort's tables
 * @param tablePrefix the prefix of Retort's table names
 * @param lockTimeout how long a run waits for another run's lock
 * @param connectRetry how long to keep retrying while the server is not reachable yet
 * @param connectTimeout how long one try to connect may take until the server has answered
 * @param shadowUrl   an empty database to replay the migrations into, or {@code null} for temporary ones
 * @param lockRetries how many more tries a revision gets after failing to take a lock in time
 * @param sessionSettings server settings for every revision, {@code name=value} pairs, or {@code null}
 */
public record Settings(String url, String user, String password, Path migrations, String schema, String tablePrefix,
        Duration lockTimeout, Duration connectRetry, Duration connectTimeout, String shadowUrl, int lockRetries,
        String sessionSettings) {

    /** Never shows the password, so that a stray log or debugger line cannot leak it. */
    @Override
    public String toString() {
        return "Settings[url=" + Secrets.describe(url, null) + ", user=" + user + ", password="
                + (password == null ? "null" : "****") + ", migrations=" + migrations + ", schema=" + schema
                + ", tablePrefix=" + tablePrefix + ", lockTimeout=" + lockTimeout + ", connectRetry=" + connectRetry
                + ", connectTimeout=" + connectTimeout
                + ", shadowUrl=" + (shadowUrl == null ? "null" : Secrets.describe(shadowUrl, null))
                + ", lockRetries=" + lockRetries + ", sessionSettings=" + sessionSettings + "]";
    }
}
