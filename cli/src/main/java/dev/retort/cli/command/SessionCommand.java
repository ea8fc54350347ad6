package dev.retort.cli.command;

import dev.retort.cli.RetortCommand;
import dev.retort.cli.Session;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/**
 * A {@code retort} subcommand: picocli parses its arguments, then it runs with the session the
 * top-level command holds (settings, output, engine). Failures propagate to the one handler
 * that maps them to exit codes.
 */
abstract class SessionCommand implements Callable<Integer> {

    @ParentCommand
    private RetortCommand root;

    @Override
    public final Integer call() throws Exception {
        return run(root.session());
    }

    /**
     * @param session the session
     * @return the exit code
     * @throws Exception to be reported by the failure handler
     */
    abstract int run(Session session) throws Exception;
}
