package dev.retort.cli.output;

import dev.retort.cli.config.GlobalOptions;
import dev.retort.cli.config.Secrets;
import dev.retort.event.MigrationEvent;
import dev.retort.fleet.TenantResult;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything a command prints goes through here, so that {@code --json}, {@code -q},
 * {@code --verbose}, colour and password scrubbing are decided in one place. Results go to
 * standard output; errors and the progress indicator to standard error.
 */
public final class Output {

    private final Terminal terminal;
    private final GlobalOptions options;
    private final Secrets secrets;
    private final Text text;
    private JsonWriter json;

    /**
     * @param terminal where to print and whether colour is wanted
     * @param options  {@code --json}, {@code -q}, {@code --verbose}
     * @param secrets  what to scrub from error messages
     */
    public Output(Terminal terminal, GlobalOptions options, Secrets secrets) {
        this.terminal = terminal;
        this.options = options;
        this.secrets = secrets;
        this.text = new Text(terminal.out(), terminal.styles());
    }

    /** @param report a command's result, as text or as one JSON document */
    public void report(Report report) {
        if (options.json() && report instanceof StreamedReport streamed) {
            json().write(streamed);
        } else if (options.json()) {
            json().write(report);
        } else {
            report.printTo(text);
        }
    }

    /**
     * @param note a remark for people (e.g. that a list is empty); not printed with {@code --json} or {@code -q}
     */
    public void note(String note) {
        if (!options.json() && !options.quiet()) {
            text.line(note);
        }
    }

    /**
     * @param warning something people should know that does not stop the command, on standard
     *                error so that it never mixes with a script or a JSON document; not printed
     *                with {@code -q}
     */
    public void warning(String warning) {
        if (!options.quiet()) {
            terminal.err().println(terminal.styles().warning("warning:") + " " + terminal.styles().safe(warning));
            terminal.err().flush();
        }
    }

    /** @param chunk part of an SQL script, printed as it is whatever the output mode */
    public void sql(String chunk) {
        terminal.out().print(chunk);
    }

    /**
     * @return what to give a run's events to: JSON lines with {@code --json}, nothing with
     *     {@code -q}, else a line per revision and a progress indicator on a terminal
     */
    public Consumer<MigrationEvent> runListener() {
        if (options.json()) {
            return new EventDocuments(json());
        }
        if (options.quiet()) {
            return event -> { };
        }
        return new HumanRunPrinter(text, options.verbose(), new Progress(terminal.err(), terminal.interactive()));
    }

    /**
     * @param tenants how many tenants the fleet has
     * @return what to tell of a fleet run: a JSON line per result with {@code --json}, else a line
     *     per tenant as it ends (failures even with {@code -q}) and, at a terminal, a live status line
     */
    public FleetListener fleetListener(int tenants) {
        if (options.json()) {
            return new FleetListener(tenant -> { }, result -> json().write(tenantDocument(result)));
        }
        Styles styles = terminal.styles();
        FleetProgress progress = new FleetProgress(terminal.err(), terminal.interactive() && !options.quiet(), tenants);
        return new FleetListener(progress::started, result -> {
            progress.ended(result);
            if (result.outcome() != TenantResult.Outcome.FAILED && options.quiet()) {
                return;
            }
            String line = switch (result.outcome()) {
                case SUCCEEDED -> "  " + styles.success("ok") + "       " + result.tenant() + "  "
                        + Words.count(result.applied(), "revision") + " (" + Words.duration(result.duration()) + ")"
                        + (result.heads().isEmpty() ? "" : ", at " + String.join(", ", result.heads()));
                case FAILED -> "  " + styles.error("FAILED") + "   " + result.tenant() + "  "
                        + secrets.scrub(firstLine(result.error() == null ? "" : result.error().getMessage()));
                case SKIPPED -> "  " + styles.dim("skipped") + "  " + result.tenant() + "  not started";
            };
            text.line(styles.safe(line));
            progress.redraw();
        });
    }

    /**
     * What a fleet run tells the output.
     *
     * @param started told each tenant's name as its run starts (any thread)
     * @param ended   given each tenant's result as it ends (the main thread)
     */
    public record FleetListener(Consumer<String> started, Consumer<TenantResult> ended) {
    }

    private Map<String, Object> tenantDocument(TenantResult result) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("tenant", result.tenant());
        document.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
        document.put("applied", result.applied());
        document.put("heads", result.heads());
        document.put("durationMs", result.duration().toMillis());
        if (result.error() != null) {
            document.put("error", secrets.scrub(result.error().getMessage()));
            document.put("exitCode", result.error().code().exitCode());
        }
        return document;
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse("");
    }

    /**
     * Reports a failure: one paragraph on standard error, the stack trace with {@code --verbose},
     * and with {@code --json} also {@code {"error": ...}} on standard output. Scrubs passwords, and
     * shows control characters (from a file or the server) as visible escapes.
     *
     * @param error      what failed, its message not yet scrubbed
     * @param stackTrace the stack trace, printed only with {@code --verbose}; may be {@code null}
     */
    public void error(ErrorView error, String stackTrace) {
        String message = secrets.scrub(error.message());
        String database = error.database() == null ? "" : "\n  database: " + error.database();
        terminal.err().println(terminal.styles().error("error:") + " " + terminal.styles().safe(message + database));
        if (options.verbose() && stackTrace != null) {
            terminal.err().print(terminal.styles().safe(secrets.scrub(stackTrace)));
        }
        if (options.json()) {
            json().write(Map.of("error", error.withMessage(message)));
        }
        terminal.err().flush();
    }

    /** @return whether {@code --verbose} was given */
    public boolean verbose() {
        return options.verbose();
    }

    private JsonWriter json() {
        if (json == null) {
            json = new JsonWriter(terminal.out());
        }
        return json;
    }
}
