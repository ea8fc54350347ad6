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
        MigrationRun run = new MigrationRun(session, Operation.STAMP);
        if (purge && script.enabled()) {
            // A stamp script empties the version table whatever it holds, so a purge is a stamp
            // planned from no rows, and needs no connection.
            if (target.contains(":")) {
                throw new ParameterException(spec.commandLine(), "--purge replaces whatever the version table holds;"
                        + " give only the target, not a FROM:TO range");
            }
            return run.execute("base:" + target, true, null);
        }
        return run.execute(target, script.enabled(), (retort, stampTarget) -> retort.stamp(stampTarget, purge));
    }
}
