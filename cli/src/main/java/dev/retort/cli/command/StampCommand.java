package dev.retort.cli.command;

import dev.retort.Operation;
import dev.retort.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code retort stamp TARGET}: records that the database is at the target without running any
 * migration, for a database whose schema already exists.
 */
@Command(name = "stamp", description = "Set the version table to TARGET without running migrations.")
public final class StampCommand extends SessionCommand {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "TARGET",
            description = "The revision(s) the database is really at; with --sql also FROM:TO.")
    private String target;

    @Option(names = "--purge", description = "Empty the version table first, even of revisions no file defines.")
    private boolean purge;

    @Mixin
    private ScriptOption script;

    @Override
    int run(Session session) {
        if (purge && script.enabled()) {
            // The script is planned from known rows; what a purge deletes is only known online.
            throw new ParameterException(spec.commandLine(), "--purge cannot be combined with --sql");
        }
        return new MigrationRun(session, Operation.STAMP)
                .execute(target, script.enabled(), (retort, stampTarget) -> retort.stamp(stampTarget, purge));
    }
}
