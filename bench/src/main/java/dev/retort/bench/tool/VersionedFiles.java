package dev.retort.bench.tool;

import dev.retort.bench.workload.Migration;

import java.nio.file.Path;

/** The {@code V<n>__<name>.sql} files Flyway and r2dbc-migrate both read: the upgrade statements only. */
interface VersionedFiles extends FilePerMigration {

    @Override
    default Path file(Migration migration, Path dir) {
        return dir.resolve("V" + migration.number() + "__" + migration.name() + ".sql");
    }

    @Override
    default String text(Migration migration) {
        return migration.upgradeScript();
    }
}
