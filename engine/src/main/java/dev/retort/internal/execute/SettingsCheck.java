package dev.retort.internal.execute;

import dev.retort.error.ErrorCode;
import dev.retort.error.MigrationFileException;
import dev.retort.error.RetortException;
import dev.retort.internal.plan.PreparedStep;
import dev.retort.internal.r2dbc.Connections;
import dev.retort.internal.r2dbc.ErrorTranslation;
import dev.retort.internal.source.SessionSettings;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Asks the server, before a run changes anything, whether it knows every session setting the run
 * and its revisions name and accepts their values: each set is applied in a transaction that is
 * rolled back. A misspelt {@code lock_timout} or a value like {@code 5 parsecs} is then an invalid
 * file (or configuration), not a revision that fails halfway through a deploy.
 */
final class SettingsCheck {

    private static final String ADVICE = "Check the setting's name and value (SHOW ALL lists them); nothing was changed.";

    private SettingsCheck() {
    }

    /**
     * @param connection the run's work connection, outside a transaction
     * @param run        the run's own settings
     * @param steps      the steps about to run
     * @return completes when the server accepts them all; otherwise fails with
     *     {@link MigrationFileException} naming the header's file and line, or
     *     {@link ErrorCode#INVALID_CONFIGURATION} for the run's settings
     */
    static Mono<Void> check(Connection connection, SessionSettings run, List<PreparedStep> steps) {
        Set<SessionSettings> distinct = new LinkedHashSet<>();
        if (!run.isEmpty()) {
            distinct.add(run);
        }
        steps.stream().map(step -> step.script().settings()).filter(s -> !s.isEmpty()).forEach(distinct::add);
        return Flux.fromIterable(distinct).concatMap(settings -> tried(connection, settings)).then();
    }

    private static Mono<Void> tried(Connection connection, SessionSettings settings) {
        String sql = "BEGIN;" + String.join(";", settings.statements(true)) + ";ROLLBACK";
        return Connections.rowsPerStatement(connection, sql, settings.values().size() + 2).then()
                .onErrorResume(ErrorTranslation::isStatementFailure, error -> Connections.rollback(connection)
                        .then(Mono.error(refused(settings, ErrorTranslation.describe(error)))));
    }

    private static RetortException refused(SessionSettings settings, String reason) {
        if (settings.line() > 0) {
            return new MigrationFileException(settings.origin(), settings.line(), "header 'set': the server refused it: "
                    + reason + ". " + ADVICE);
        }
        return new RetortException(ErrorCode.INVALID_CONFIGURATION, "The server refused " + settings.origin() + ": "
                + reason + ". " + ADVICE);
    }
}
