package dev.retort.cli.command;

import dev.retort.cli.Session;
import dev.retort.cli.output.SchemaView;
import picocli.CommandLine.Command;

/** {@code retort schema}: the database's schema, as Retort sees it. */
@Command(name = "schema", description = "Print the database's schema: tables, columns, constraints, indexes, types,"
        + " views, functions, triggers, policies (--json: the stable form 'diff --from snapshot:' reads).")
public final class SchemaCommand extends SessionCommand {

    @Override
    int run(Session session) {
        session.output().report(SchemaView.of(session.await(session.online().schema())));
        return 0;
    }
}
