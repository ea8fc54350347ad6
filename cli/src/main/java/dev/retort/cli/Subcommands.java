package dev.retort.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Optional;

/**
 * Registers {@code retort}'s subcommands. picocli builds a command's model by reflecting on its
 * class, which costs a short run tens of milliseconds for commands it never uses; so a command line
 * that names a subcommand gets only that one. Anything else (no command, {@code help}, an unknown
 * or misspelt name) gets all of them, for the usage help and the suggestions.
 */
final class Subcommands {

    private static final String HELP = "help";

    private Subcommands() {
    }

    /**
     * @param root the top-level command line, built without subcommands
     * @param args the arguments it will parse
     * @return {@code root}
     */
    static CommandLine addFor(CommandLine root, String[] args) {
        Optional<String> only = named(root.getCommandSpec(), args)
                .filter(name -> RetortCommand.SUBCOMMANDS.containsKey(name) && !name.equals(HELP));
        RetortCommand.SUBCOMMANDS.forEach((name, command) -> {
            if (only.isEmpty() || only.get().equals(name)) {
                root.addSubcommand(name, command);
            }
        });
        return root;
    }

    /**
     * The first argument that is neither an option nor an option's value: the subcommand, as
     * picocli will read it. The top-level options are {@link picocli.CommandLine.ScopeType#INHERIT
     * inherited}, so they may come before it.
     */
    static Optional<String> named(CommandSpec root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return Optional.empty();
            }
            if (!arg.startsWith("-")) {
                return Optional.of(arg);
            }
            OptionSpec option = root.findOption(arg);
            if (option != null && option.arity().min() > 0) {
                i++;
            }
        }
        return Optional.empty();
    }
}
