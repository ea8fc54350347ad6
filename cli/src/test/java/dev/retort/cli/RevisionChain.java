package dev.retort.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

/** Writes a linear chain of revisions {@code r1 ... rN}, each creating table {@code tI}, for the reliability tests. */
final class RevisionChain {

    private RevisionChain() {
    }

    /**
     * @param migrations the directory to write to (created if missing)
     * @param count      how many revisions
     * @param upgrade    the upgrade section of revision {@code i} (1-based)
     * @param downgrade  the downgrade section of revision {@code i}, or {@code null} for none
     * @return the directory
     */
    static Path write(Path migrations, int count, IntFunction<String> upgrade, IntFunction<String> downgrade)
            throws IOException {
        Files.createDirectories(migrations);
        for (int i = 1; i <= count; i++) {
            String down = downgrade == null ? "" : "-- +downgrade\n" + downgrade.apply(i) + "\n";
            Files.writeString(migrations.resolve("r" + i + ".sql"), "-- revision: r" + i + "\n"
                    + (i > 1 ? "-- revises: r" + (i - 1) + "\n" : "") + "-- +upgrade\n" + upgrade.apply(i) + "\n" + down);
        }
        return migrations;
    }
}
