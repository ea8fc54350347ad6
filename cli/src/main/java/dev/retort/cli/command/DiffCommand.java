package dev.retort.cli.command;

import dev.retort.cli.Session;
import dev.retort.cli.output.DiffView;
import dev.retort.error.ErrorCode;
import dev.retort.schema.SchemaDiff;
import dev.retort.schema.SchemaScript;
import dev.retort.schema.SchemaSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

/**
 * {@code retort diff}: what differs between two schemas; by default, what was changed in the
 * database by hand, from the schema its migrations make to its own.
 */
@Command(name = "diff", description = "Show what differs between two schemas; by default from the migrations at the"
        + " database's revisions to the database: what was changed by hand. Exit 1 when they differ.")
public final class DiffCommand extends SessionCommand {

    @Option(names = "--from", paramLabel = "SOURCE", defaultValue = "migrations@current",
            description = "The schema to compare from: " + SchemaSources.FORMS + " (default ${DEFAULT-VALUE}).")
    private String from;

    @Option(names = "--to", paramLabel = "SOURCE", defaultValue = "database",
            description = "The schema to compare to (default ${DEFAULT-VALUE}).")
    private String to;

    @Option(names = "--sql", description = "Print the DDL that turns --from into --to instead, and only that: a script"
            + " for psql -v ON_ERROR_STOP=1 -f, in one transaction when it can be.")
    private boolean sql;

    @Override
    int run(Session session) {
        Tuple2<SchemaSnapshot, SchemaSnapshot> schemas = session.await(Mono.zip(SchemaSources.read(session, from),
                SchemaSources.read(session, to)));
        SchemaDiff diff = SchemaDiff.between(schemas.getT1(), schemas.getT2());
        if (sql) {
            session.output().sql(script(SchemaScript.between(schemas.getT1(), schemas.getT2())));
        } else {
            session.output().report(DiffView.of(diff, SchemaSources.label(from), SchemaSources.label(to)));
        }
        return diff.isEmpty() ? 0 : ErrorCode.VALIDATION_FAILED.exitCode();
    }

    private static String script(SchemaScript script) {
        if (script.isEmpty() || !script.transactional()) {
            return script.text();
        }
        return "BEGIN;\n\n" + script.text() + "\nCOMMIT;\n";
    }
}
