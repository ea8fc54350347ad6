package dev.retort.bench.workload;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A data-load migration larger than the heap: one table and multi-row {@code INSERT}s adding up to
 * a given size, written once as a Retort revision and once as a psql script for the floor.
 */
public final class DataLoad {

    /** Rows per INSERT: large enough to keep round trips few, small enough to stay realistic. */
    private static final int ROWS_PER_INSERT = 100;
    private static final String PAYLOAD = "x".repeat(80);

    private DataLoad() {
    }

    /**
     * Writes {@code dir/retort/load_00001.sql} (a Retort revision) and {@code dir/floor.sql}
     * (the same statements in one transaction, for {@code psql -f}).
     *
     * @param dir   where to write
     * @param bytes the approximate size of the INSERT statements
     * @return how many rows the statements insert
     * @throws IOException when a file cannot be written
     */
    public static long write(Path dir, long bytes) throws IOException {
        Files.createDirectories(dir.resolve("retort"));
        long rows;
        try (Writer retort = writer(dir.resolve("retort").resolve("load_00001.sql"));
             Writer floor = writer(dir.resolve("floor.sql"))) {
            retort.write("-- revision: load_00001\n-- message: load about " + bytes / (1 << 20) + " MiB of rows\n\n"
                    + "-- +upgrade\n");
            floor.write("BEGIN;\n");
            String create = "CREATE TABLE load_rows (id bigint PRIMARY KEY, batch int NOT NULL, payload text NOT NULL);\n";
            retort.write(create);
            floor.write(create);
            rows = inserts(retort, floor, bytes);
            floor.write("COMMIT;\n");
        }
        return rows;
    }

    private static long inserts(Writer retort, Writer floor, long bytes) throws IOException {
        long written = 0;
        long id = 0;
        int batch = 0;
        StringBuilder statement = new StringBuilder(16 * 1024);
        while (written < bytes) {
            batch++;
            statement.setLength(0);
            statement.append("INSERT INTO load_rows (id, batch, payload) VALUES\n");
            for (int i = 0; i < ROWS_PER_INSERT; i++) {
                id++;
                statement.append(i == 0 ? "  (" : ", (").append(id).append(", ").append(batch).append(", '")
                        .append(PAYLOAD).append(" row ").append(id).append("')\n");
            }
            statement.append(";\n");
            retort.append(statement);
            floor.append(statement);
            written += statement.length();
        }
        return id;
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }
}
