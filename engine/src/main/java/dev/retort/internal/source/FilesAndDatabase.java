package dev.retort.internal.source;

import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

/**
 * Reads the migration files while the database is being reached and queried: the two take about
 * as long as each other when nothing is pending, so doing them at once halves what every deploy
 * pays. A problem in the files is still reported first, as if they had been read before
 * connecting: a database failure waits for the files, and gives way to their error.
 */
public final class FilesAndDatabase {

    private FilesAndDatabase() {
    }

    /**
     * @param files    reads the files; subscribed once
     * @param database the database work
     * @param <F>      what the files give
     * @param <T>      what the database gives
     * @return both results; fails with the files' error if there is one, else the database's
     */
    public static <F, T> Mono<Tuple2<F, T>> read(Mono<F> files, Mono<T> database) {
        return Mono.defer(() -> {
            Mono<F> read = files.cache();
            // If the files fail too, zip reports their error and cancels this waiting branch.
            Mono<T> databaseAfterFiles = database.onErrorResume(e -> read.onErrorResume(fileError -> Mono.never())
                    .then(Mono.error(e)));
            return Mono.zip(read, databaseAfterFiles);
        });
    }
}
