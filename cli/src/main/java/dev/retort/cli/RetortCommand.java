package dev.retort.cli;

import dev.retort.cli.command.BranchesCommand;
import dev.retort.cli.command.CheckCommand;
import dev.retort.cli.command.CurrentCommand;
import dev.retort.cli.command.DiffCommand;
import dev.retort.cli.command.DowngradeCommand;
import dev.retort.cli.command.HeadsCommand;
import dev.retort.cli.command.HistoryCommand;
import dev.retort.cli.command.InitCommand;
import dev.retort.cli.command.LintCommand;
import dev.retort.cli.command.MergeCommand;
import dev.retort.cli.command.RevisionCommand;
import dev.retort.cli.command.RoundtripCommand;
import dev.retort.cli.command.SchemaCommand;
import dev.retort.cli.command.ShowCommand;
import dev.retort.cli.command.StampCommand;
import dev.retort.cli.command.UpgradeCommand;
import dev.retort.cli.command.ValidateCommand;
import dev.retort.cli.config.GlobalOptions;
import dev.retort.cli.output.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code retort}: the top-level command. Its options are inherited by every subcommand, so they
 * may be written before or after the command's name; subcommands reach the shared
 * {@link Session} through {@link #session()}.
 */
@Command(name = "retort", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, sortOptions = false,
        description = "Reactive schema migrations for PostgreSQL over R2DBC, with Alembic's revision model.",
        footerHeading = "%nConfiguration:%n",
        footer = {"  A flag wins over its environment variable, which wins over retort.properties",
                "  in the working directory (keys: url, user, password, migrations, schema,",
                "  table-prefix, lock-timeout, connect-retry, connect-timeout, shadow-url).",
                "  The URL may also come from DATABASE_URL (after RETORT_URL), and be a",
                "  postgres://, postgresql:// or jdbc:postgresql:// URL as well as r2dbc:."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success",
                "1:the operation failed (SQL error; check or validate found a problem)",
                "2:usage error or invalid migration files (nothing was executed)",
                "3:cannot connect, authenticate, or acquire the lock in time"})
public final class RetortCommand implements Callable<Integer> {

    /**
     * The subcommands by name, in the order help lists them. They are registered by
     * {@link Subcommands}, which builds picocli's model only for the one a command line names.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = inOrder(List.of(
            Map.entry("init", InitCommand.class), Map.entry("revision", RevisionCommand.class),
            Map.entry("upgrade", UpgradeCommand.class), Map.entry("downgrade", DowngradeCommand.class),
            Map.entry("current", CurrentCommand.class), Map.entry("history", HistoryCommand.class),
            Map.entry("heads", HeadsCommand.class), Map.entry("branches", BranchesCommand.class),
            Map.entry("show", ShowCommand.class), Map.entry("stamp", StampCommand.class),
            Map.entry("merge", MergeCommand.class), Map.entry("check", CheckCommand.class),
            Map.entry("validate", ValidateCommand.class), Map.entry("schema", SchemaCommand.class),
            Map.entry("diff", DiffCommand.class), Map.entry("roundtrip", RoundtripCommand.class),
            Map.entry("lint", LintCommand.class),
            Map.entry("help", HelpCommand.class)));

    @Mixin
    private GlobalOptions options;

    @Spec
    private CommandSpec spec;

    private final Terminal terminal;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private Session session;

    RetortCommand(Terminal terminal, Map<String, String> environment, Path workingDirectory) {
        this.terminal = terminal;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
    }

    /** @return the session, created on first use, after the arguments are parsed */
    public Session session() {
        if (session == null) {
            session = new Session(options, terminal, environment, workingDirectory);
        }
        return session;
    }

    private static Map<String, Class<?>> inOrder(List<Map.Entry<String, Class<?>>> entries) {
        Map<String, Class<?>> map = new LinkedHashMap<>();
        entries.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
        return Collections.unmodifiableMap(map);
    }

    /** {@code retort} alone is a usage error: say which commands there are. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
