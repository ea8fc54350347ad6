package dev.retort.bench.tool;

import dev.retort.bench.workload.Migration;

import java.nio.file.Path;

/**
 * Retort's revision files, which the library and the CLI both read: {@code m00042.sql} revising
 * {@code m00041.sql}, with a downgrade section as real Retort files have (it is read and
 * checksummed, never run here).
 */
interface RevisionFiles extends FilePerMigration {

    @Override
    default Path file(Migration migration, Path dir) {
        return fileOf(migration, dir);
    }

    @Override
    default String text(Migration migration) {
        return textOf(migration);
    }

    /**
     * @param migration a migration
     * @param dir       the directory of the files
     * @return its revision file
     */
    static Path fileOf(Migration migration, Path dir) {
        return dir.resolve(revision(migration.number()) + ".sql");
    }

    /**
     * @param migration a migration
     * @return its revision file's text
     */
    static String textOf(Migration migration) {
        StringBuilder text = new StringBuilder();
        text.append("-- revision: ").append(revision(migration.number())).append('\n');
        if (migration.number() > 1) {
            text.append("-- revises: ").append(revision(migration.number() - 1)).append('\n');
        }
        text.append("-- message: ").append(migration.name()).append("\n\n");
        text.append("-- +upgrade\n").append(migration.upgradeScript()).append('\n');
        text.append("-- +downgrade\n").append(migration.downgradeScript());
        return text.toString();
    }

    /**
     * @param number a migration's number
     * @return its revision id
     */
    static String revision(int number) {
        return String.format("m%05d", number);
    }
}
