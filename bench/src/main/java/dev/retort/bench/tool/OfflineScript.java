package dev.retort.bench.tool;

import dev.retort.MigrationSources;
import dev.retort.Operation;
import dev.retort.Retort;
import dev.retort.Target;
import dev.retort.bench.workload.Migration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Retort's offline script for a set of migrations, as {@code retort upgrade <from>:heads --sql}
 * prints it, written through the engine's public API: per revision, a transaction with the version
 * guard, the statements, the version-row change and the history row. Run by psql, it shows what
 * Retort's bookkeeping costs the server, with no JVM and no Retort client code.
 */
final class OfflineScript {

    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private OfflineScript() {
    }

    /**
     * @param files   every migration the graph holds, in order
     * @param from    the migration the database is at, or empty for base
     * @param scratch a directory for Retort's revision files
     * @return the script
     * @throws IOException when the files cannot be written
     */
    static String upgrade(List<Migration> files, Optional<Migration> from, Path scratch) throws IOException {
        Files.createDirectories(scratch);
        for (Migration migration : files) {
            Files.writeString(RevisionFiles.fileOf(migration, scratch), RevisionFiles.textOf(migration));
        }
        Retort retort = Retort.builder(new Unconnected()).migrations(MigrationSources.directory(scratch)).build();
        Set<String> heads = from.map(m -> Set.of(RevisionFiles.revision(m.number()))).orElse(Set.of());
        return retort.plan(Operation.UPGRADE, Target.HEADS, heads).flatMapMany(retort::script)
                .collect(Collectors.joining()).block(PATIENCE);
    }

    /** Planning from given heads and writing a script never connect. */
    private static final class Unconnected implements ConnectionFactory {

        @Override
        public Mono<Connection> create() {
            return Mono.error(new IllegalStateException("an offline script does not connect"));
        }

        @Override
        public ConnectionFactoryMetadata getMetadata() {
            return () -> "offline";
        }
    }
}
