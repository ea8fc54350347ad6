package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.cli.Session;
import dev.retort.cli.output.RoundtripView;
import dev.retort.error.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code retort roundtrip}: on a shadow database, applies and reverts each revision in turn and
 * checks that its downgrade restores the schema exactly.
 */
@Command(name = "roundtrip", description = "Check every downgrade on a shadow database: apply each revision, revert"
        + " it, compare the schema. Exit 1 naming the first revision whose downgrade does not restore it.")
public final class RoundtripCommand extends SessionCommand {

    @Parameters(arity = "0..1", paramLabel = "RANGE", description = "Only the revisions of START:END, either side"
            + " optional (default: every revision); those before it are applied, not checked.")
    private String range;

    @Override
    int run(Session session) {
        Retort retort = session.online();
        RoundtripView view = RoundtripView.of(session.await((range == null ? retort.roundtrip()
                : retort.roundtrip(range)).collectList()));
        session.output().report(view);
        return view.passed() ? 0 : ErrorCode.VALIDATION_FAILED.exitCode();
    }
}
