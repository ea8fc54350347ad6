package dev.retort.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.MigrationSources;
import dev.retort.Retort;
import dev.retort.Target;
import dev.retort.cli.Session;
import dev.retort.cli.config.Database;
import dev.retort.cli.config.Secrets;
import dev.retort.cli.output.SchemaView;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.schema.SchemaSnapshot;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The schemas {@code diff} compares, named as DESIGN.md's sources: {@code database} (the
 * {@code --url} database), {@code migrations} (replayed to their heads), {@code migrations@REV},
 * {@code migrations@current} (replayed to the database's revisions), {@code url:R2DBC_URL},
 * {@code file:PATH.sql} (a script run in a shadow database) and {@code snapshot:PATH.json} (what
 * {@code retort schema --json} printed). None writes to the {@code --url} database.
 */
final class SchemaSources {

    /** The forms a source takes, for messages. */
    static final String FORMS = "database, migrations, migrations@REV, migrations@current, url:R2DBC_URL,"
            + " file:PATH.sql or snapshot:PATH.json";

    private SchemaSources() {
    }

    /**
     * @param session the session
     * @param source  a source as the user wrote it
     * @return its schema, read when subscribed
     * @throws RetortException {@link ErrorCode#INVALID_CONFIGURATION} for an unknown form
     */
    static Mono<SchemaSnapshot> read(Session session, String source) {
        if (source.equals("database")) {
            return Mono.defer(() -> session.online().schema());
        }
        if (source.equals("migrations")) {
            return Mono.defer(() -> session.online().schemaOf(Target.HEADS));
        }
        if (source.equals("migrations@current")) {
            return Mono.defer(() -> session.online().schemaOfCurrent());
        }
        if (source.startsWith("migrations@")) {
            Target target = Target.parse(source.substring("migrations@".length()));
            return Mono.defer(() -> session.online().schemaOf(target));
        }
        if (source.startsWith("url:")) {
            return Mono.defer(() -> other(session, source.substring("url:".length())).schema());
        }
        if (source.startsWith("file:")) {
            Path file = session.workingDirectory().resolve(source.substring("file:".length()));
            return Mono.defer(() -> session.online().schemaOfScript(text(file), session.relativeIfInside(file).toString()));
        }
        if (source.startsWith("snapshot:")) {
            Path file = session.workingDirectory().resolve(source.substring("snapshot:".length()));
            return Mono.fromCallable(() -> snapshot(file));
        }
        throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "Unknown schema source '" + source + "': use "
                + FORMS + ".");
    }

    /**
     * @param source a source as the user wrote it
     * @return how messages name it: {@code the database}, {@code the migrations}, a file's name;
     *     a URL without its password
     */
    static String label(String source) {
        if (source.equals("database")) {
            return "the database";
        }
        if (source.equals("migrations@current")) {
            return "the migrations";
        }
        if (source.equals("migrations")) {
            return "the migrations at their heads";
        }
        if (source.startsWith("migrations@")) {
            return "the migrations at " + source.substring("migrations@".length());
        }
        if (source.startsWith("url:")) {
            return Secrets.describe(source.substring("url:".length()), null);
        }
        return source.substring(source.indexOf(':') + 1);
    }

    private static Retort other(Session session, String url) {
        return Retort.builder(Database.connectionFactory(url, session.settings()))
                .migrations(MigrationSources.directory(session.settings().migrations()))
                .schema(session.settings().schema()).tablePrefix(session.settings().tablePrefix())
                .build();
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "Cannot read " + file + ": no such file.");
        } catch (IOException e) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "Cannot read " + file + ": " + e.getMessage());
        }
    }

    private static SchemaSnapshot snapshot(Path file) {
        String json = text(file);
        try {
            return new ObjectMapper().readValue(json, SchemaView.class).snapshot();
        } catch (IOException | RuntimeException e) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, file + " is not a snapshot written by 'retort"
                    + " schema --json': " + e.getMessage().lines().findFirst().orElse("") + ". Write it again.");
        }
    }
}
