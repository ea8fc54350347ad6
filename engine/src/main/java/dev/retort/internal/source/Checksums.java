package dev.retort.internal.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over the sections of a file, one line at a time, each line terminated by {@code \n}
 * whatever the file used, so that a checkout with other line endings keeps its checksums. The
 * {@code sha256:} prefix leaves room to change the algorithm later.
 */
final class Checksums {

    private static final String PREFIX = "sha256:";

    private final MessageDigest digest;

    Checksums() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    void addLine(String line) {
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    String value() {
        return PREFIX + HexFormat.of().formatHex(digest.digest());
    }
}
