package dev.retort.cli.command;

import dev.retort.Operation;
import dev.retort.Retort;
import dev.retort.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code retort upgrade [TARGET]}: applies the revisions up to the target, each in its own transaction. */
@Command(name = "upgrade", description = "Apply revisions up to TARGET (default: heads).")
public final class UpgradeCommand extends SessionCommand {

    @Parameters(arity = "0..1", defaultValue = "heads", paramLabel = "TARGET",
            description = "heads, head, a revision or prefix, +N, <branch>@head...; with --sql also FROM:TO.")
    private String target;

    @Mixin
    private ScriptOption script;

    @Override
    int run(Session session) {
        return new MigrationRun(session, Operation.UPGRADE).execute(target, script.enabled(), Retort::upgrade);
    }
}
