package dev.retort.internal.ddl;

import dev.retort.error.UnsupportedSchemaChangeException;
import dev.retort.schema.SchemaScript;
import dev.retort.schema.SchemaSnapshot;

/**
 * Writes the DDL that turns one snapshot into another. Kinds go in an order that respects what
 * PostgreSQL makes depend on what: drops first, dependents before what they use (policies,
 * triggers, indexes, views, foreign keys, constraints, columns, tables, functions, sequences,
 * types, extensions), then creations in the opposite order, with functions early (their bodies
 * unchecked) so that defaults and triggers can call them. Views are ordered among themselves by
 * which one's query names which.
 */
public final class DdlWriter {

    private DdlWriter() {
    }

    /**
     * @param from the schema to start from
     * @param to   the schema to arrive at
     * @return the script
     * @throws UnsupportedSchemaChangeException when a difference cannot be written
     */
    public static SchemaScript write(SchemaSnapshot from, SchemaSnapshot to) {
        Changes changes = new Changes(from, to);
        Script script = new Script();
        Tables tables = new Tables(changes, script);
        Types types = new Types(changes, script);
        Routines routines = new Routines(changes, script);
        Views views = new Views(changes, script);
        Standalone standalone = new Standalone(changes, script);

        routines.dropPoliciesAndTriggers();
        standalone.dropIndexes();
        views.drop();
        tables.dropConstraints();
        tables.dropColumnsAndTables();
        routines.dropRoutines();
        standalone.dropSequences();
        types.drop();
        standalone.dropExtensions();

        standalone.createExtensions();
        types.createAndAlter();
        routines.createRoutines();
        standalone.createSequences();
        tables.createAndAlterTables();
        tables.addAndAlterColumns();
        standalone.ownSequences();
        tables.addConstraints();
        views.create();
        standalone.createIndexes(views.rebuiltMaterialized());
        routines.createTriggersAndPolicies();

        if (!script.unsupported().isEmpty()) {
            throw new UnsupportedSchemaChangeException(script.unsupported());
        }
        return script.build();
    }
}
