package dev.retort.bench.child;

import dev.retort.bench.run.Server;
import dev.retort.bench.tool.R2dbcFloorTool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the files of {@link R2dbcFloorTool} with r2dbc-postgresql alone: one connection, BEGIN,
 * the statements, COMMIT per file. When the database already has the table of a file it is
 * given, it only connects and runs {@code SELECT 1}, the least a no-op must do.
 */
public final class R2dbcFloorRun implements InProcessTool {

    @Override
    public Run prepare(Path migrations, Server server, String database) {
        ConnectionFactory factory = ConnectionFactories.get(server.r2dbcUrl(database));
        return () -> Flux.usingWhen(factory.create(), c -> applied(c, migrations)
                        .flatMapMany(done -> done ? execute(c, "SELECT 1").flux() : applyAll(c, migrations)),
                Connection::close).blockLast();
    }

    /**
     * Whether the table of any one file exists ({@code 00042.sql} creates {@code t_00042}): a
     * directory's files are applied together. Any file, so that a no-op does not list them all.
     */
    private static Mono<Boolean> applied(Connection connection, Path dir) {
        String number = anyFile(dir).getFileName().toString().replace(".sql", "");
        return Flux.from(connection.createStatement("SELECT to_regclass('t_" + number + "') IS NOT NULL").execute())
                .concatMap(result -> result.map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class)))).single();
    }

    private static Flux<Void> applyAll(Connection connection, Path dir) {
        return Flux.fromIterable(files(dir)).concatMap(file -> execute(connection, "BEGIN")
                .thenMany(Flux.fromArray(read(file).split(R2dbcFloorTool.SEPARATOR)))
                .concatMap(sql -> execute(connection, sql))
                .then(execute(connection, "COMMIT")));
    }

    private static Mono<Void> execute(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute()).concatMap(Result::getRowsUpdated).then();
    }

    private static Path anyFile(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.sql")) {
            return files.iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
