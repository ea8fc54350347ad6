package dev.retort.cli.command;

import dev.retort.Operation;
import dev.retort.Retort;
import dev.retort.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code retort downgrade TARGET}: reverts the revisions above the target, newest first. */
@Command(name = "downgrade", description = "Revert revisions down to TARGET.")
public final class DowngradeCommand extends SessionCommand {

    @Parameters(paramLabel = "TARGET", description = "-1, a revision or prefix, base...; with --sql also FROM:TO.")
    private String target;

    @Mixin
    private ScriptOption script;

    @Override
    int run(Session session) {
        return new MigrationRun(session, Operation.DOWNGRADE)
                .execute(target, script.enabled(), Retort::downgrade);
    }
}
