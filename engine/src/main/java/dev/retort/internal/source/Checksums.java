package dev.retort.internal.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over the sections of a file, one line at a time, each line terminated by {@code \n}
 * whatever the file used, so that a checkout with other line endings keeps its checksums. The
 * {@code sha256:} prefix leaves room to change the algorithm later.
 *
 * <p>The hash is computed when first asked for: a run with nothing pending never needs it, and
 * hashing every file was most of the cost of reading them (without the JIT's SHA intrinsics, as in
 * the CLI's C1-only JVM). Until then a small file's section lines are kept as text; a large one's
 * are hashed in chunks as they are read, so that it is never whole in memory.
 */
public final class Checksums {

    private static final String PREFIX = "sha256:";

    /**
     * Looked up once, on the worker that reads the files, and cloned for each use: the lookup of a
     * security provider may read files, and a checksum may first be asked for on an event loop.
     */
    private static final MessageDigest PROTOTYPE = sha256();

    /** Lines are kept until they reach this many characters, then hashed. */
    private static final int CHUNK = 64 * 1024;

    private StringBuilder pending = new StringBuilder();
    private MessageDigest digest;
    private String value;

    Checksums() {
    }

    void addLine(String line) {
        pending.append(line).append('\n');
        if (pending.length() >= CHUNK) {
            flush();
        }
    }

    /** @return {@code sha256:<hex>} over every line added */
    public synchronized String value() {
        if (value == null) {
            flush();
            value = PREFIX + HexFormat.of().formatHex(digest.digest());
            pending = null;
            digest = null;
        }
        return value;
    }

    private void flush() {
        if (digest == null) {
            digest = copyOfPrototype();
        }
        digest.update(pending.toString().getBytes(StandardCharsets.UTF_8));
        pending.setLength(0);
    }

    private static MessageDigest copyOfPrototype() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
