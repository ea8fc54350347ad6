package dev.retort.cli;

import dev.retort.cli.output.ErrorView;
import dev.retort.error.DirtyDatabaseException;
import dev.retort.error.ErrorCode;
import dev.retort.error.MigrationExecutionException;
import dev.retort.error.MigrationFileException;
import dev.retort.error.RetortException;
import dev.retort.error.TargetException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;
import reactor.core.Exceptions;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;

/**
 * The one place that turns a failure into an exit code and a message: the engine's
 * {@link RetortException} carries its {@link ErrorCode#exitCode()}, usage errors exit 2, and
 * anything unexpected exits 1 with a request to report it. Messages are printed through
 * {@link dev.retort.cli.output.Output}, which scrubs passwords; stack traces only with
 * {@code --verbose}.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** Exit code of a usage error, as for the engine's configuration errors. */
    static final int USAGE = ErrorCode.INVALID_CONFIGURATION.exitCode();
    /** Exit code of a failure the engine did not classify. */
    static final int FAILED = ErrorCode.MIGRATION_FAILED.exitCode();
    /** A shell's code for a command stopped by Ctrl-C; after SIGTERM the JVM exits with 143 whatever this says. */
    private static final int INTERRUPTED = 130;

    private final RetortCommand root;

    Failures(RetortCommand root) {
        this.root = root;
    }

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        String usage = "Run '" + error.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.";
        root.session().output().error(ErrorView.of("USAGE", USAGE, sentence(error.getMessage()) + suggestions(error)
                + " " + usage), null);
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine command, ParseResult parseResult) {
        Throwable error = Exceptions.unwrap(exception);
        ErrorView view = error instanceof RetortException retort ? describe(retort) : unexpected(error);
        root.session().output().error(view, stackTrace(error));
        return view.exitCode();
    }

    private ErrorView describe(RetortException error) {
        ErrorView view = naming(ErrorView.of(error.code().name(), error.code().exitCode(), message(error)), error);
        if (error instanceof MigrationExecutionException failed) {
            return view.at(failed.revision(), failed.file(), failed.line(), failed.sqlState().orElse(null));
        }
        if (error instanceof MigrationFileException invalid) {
            return view.at(null, invalid.file(), invalid.line() > 0 ? invalid.line() : null, null);
        }
        if (error instanceof DirtyDatabaseException dirty) {
            return view.at(dirty.revision(), null, null, null);
        }
        if (error instanceof TargetException target) {
            return view.withCandidates(target.candidates());
        }
        return view;
    }

    /** The engine's message, which says what failed and where; for an unresolvable target also where to look. */
    private static String message(RetortException error) {
        return error.code() == ErrorCode.INVALID_TARGET ? error.getMessage() + " Run 'retort history' to list the"
                + " revisions." : error.getMessage();
    }

    /** For failures to reach the database: which database, described without its password. */
    private ErrorView naming(ErrorView view, RetortException error) {
        return error.code() == ErrorCode.CONNECTION_FAILED || error.code() == ErrorCode.LOCK_TIMEOUT
                ? view.on(root.session().connectionDescription()) : view;
    }

    private static ErrorView unexpected(Throwable error) {
        if (error instanceof IOException || error instanceof UncheckedIOException) {
            return ErrorView.of("IO_ERROR", FAILED, "Cannot read or write a file: " + error.getMessage() + ".");
        }
        if (error instanceof CancellationException) {
            // Only a command that reads the database waits this way, and SIGTERM or Ctrl-C cancels it.
            return ErrorView.of("INTERRUPTED", INTERRUPTED, "Interrupted before the command finished. It had"
                    + " written nothing to the database, and the shadow databases it made are dropped.");
        }
        return ErrorView.of("UNEXPECTED", FAILED, "Unexpected " + error + ". Run again with --verbose for the stack"
                + " trace, and please report it.");
    }

    private static String suggestions(ParameterException error) {
        if (error instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            return " Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        return "";
    }

    private static String sentence(String message) {
        return message.endsWith(".") ? message : message + ".";
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
