package dev.retort.internal.ddl;

import dev.retort.schema.ObjectKind;
import dev.retort.schema.SchemaChange;
import dev.retort.schema.SchemaChange.Type;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.retort.internal.ddl.Changes.DEFINITION;

/** Functions and procedures, triggers and policies: the code that hangs on tables. */
final class Routines {

    private static final Pattern RETURNS = Pattern.compile("^ RETURNS (.*)$", Pattern.MULTILINE);

    private final Changes changes;
    private final Script script;

    Routines(Changes changes, Script script) {
        this.changes = changes;
        this.script = script;
    }

    /** Drops the policies and triggers that go or are rewritten. */
    void dropPoliciesAndTriggers() {
        changes.of(ObjectKind.POLICY, Type.REMOVED, Type.CHANGED).stream()
                .filter(p -> !changes.tableRemoved(Identifiers.owner(p.name())))
                .forEach(p -> script.add("DROP POLICY " + Identifiers.last(p.name()) + " ON " + Identifiers.owner(p.name())));
        changes.of(ObjectKind.TRIGGER, Type.REMOVED, Type.CHANGED).stream()
                .filter(t -> t.type() == Type.REMOVED || Changes.differs(t, DEFINITION))
                .filter(t -> !changes.tableRemoved(Identifiers.owner(t.name())))
                .forEach(t -> script.add("DROP TRIGGER " + Identifiers.last(t.name()) + " ON " + Identifiers.owner(t.name())));
    }

    /** Drops the functions and procedures that go, or whose result type changes (which REPLACE cannot do). */
    void dropRoutines() {
        for (ObjectKind kind : List.of(ObjectKind.FUNCTION, ObjectKind.PROCEDURE)) {
            changes.of(kind, Type.REMOVED, Type.CHANGED).stream().filter(r -> r.type() == Type.REMOVED || newResult(r))
                    .forEach(r -> script.add("DROP " + Identifiers.keyword(kind) + " " + r.name()));
        }
    }

    /**
     * Creates and replaces functions and procedures. Their bodies are not checked at creation
     * ({@code check_function_bodies}, as pg_dump does), so a function may be written before the
     * tables its body uses and a column default may call it.
     */
    void createRoutines() {
        List<SchemaChange> written = changes.of(ObjectKind.FUNCTION, Type.ADDED, Type.CHANGED).stream()
                .filter(r -> r.type() == Type.ADDED || Changes.differs(r, DEFINITION)).toList();
        List<SchemaChange> procedures = changes.of(ObjectKind.PROCEDURE, Type.ADDED, Type.CHANGED).stream()
                .filter(r -> r.type() == Type.ADDED || Changes.differs(r, DEFINITION)).toList();
        if (!written.isEmpty() || !procedures.isEmpty()) {
            script.add("SET check_function_bodies = false");
        }
        written.forEach(r -> script.add(definition(r.after())));
        procedures.forEach(r -> script.add(definition(r.after())));
        changes.of(ObjectKind.FUNCTION, Type.ADDED, Type.CHANGED).forEach(r -> Comments.write(r, script));
        changes.of(ObjectKind.PROCEDURE, Type.ADDED, Type.CHANGED).forEach(r -> Comments.write(r, script));
    }

    /** Creates the new and rewritten triggers, sets their firing, then creates the policies. */
    void createTriggersAndPolicies() {
        for (SchemaChange trigger : changes.of(ObjectKind.TRIGGER, Type.ADDED, Type.CHANGED)) {
            boolean created = trigger.type() == Type.ADDED || Changes.differs(trigger, DEFINITION);
            if (created) {
                script.add(trigger.after().get(DEFINITION));
            }
            if (created ? trigger.after().containsKey("enabled") : Changes.differs(trigger, "enabled")) {
                script.add("ALTER TABLE " + Identifiers.owner(trigger.name()) + " " + firing(trigger.after().get("enabled"))
                        + " TRIGGER " + Identifiers.last(trigger.name()));
            }
            Comments.write(trigger, script);
        }
        changes.of(ObjectKind.POLICY, Type.ADDED, Type.CHANGED).forEach(p -> script.add(policy(p)));
    }

    private static String firing(@Nullable String enabled) {
        if (enabled == null) {
            return "ENABLE";
        }
        return switch (enabled) {
            case "disabled" -> "DISABLE";
            case "replica" -> "ENABLE REPLICA";
            default -> "ENABLE ALWAYS";
        };
    }

    private static String policy(SchemaChange policy) {
        Map<String, String> is = policy.after();
        StringBuilder create = new StringBuilder("CREATE POLICY " + Identifiers.last(policy.name()) + " ON "
                + Identifiers.owner(policy.name()) + " AS " + ("yes".equals(is.get("permissive")) ? "PERMISSIVE" : "RESTRICTIVE")
                + " FOR " + is.get("command") + " TO " + is.get("roles"));
        if (is.containsKey("using")) {
            create.append(" USING (").append(is.get("using")).append(')');
        }
        if (is.containsKey("with check")) {
            create.append(" WITH CHECK (").append(is.get("with check")).append(')');
        }
        return create.toString();
    }

    /** Whether a function's result type changes, which {@code CREATE OR REPLACE} refuses. */
    private static boolean newResult(SchemaChange routine) {
        return routine.type() == Type.CHANGED && !returns(routine.before()).equals(returns(routine.after()));
    }

    private static String returns(Map<String, String> routine) {
        Matcher matcher = RETURNS.matcher(routine.getOrDefault(DEFINITION, ""));
        return matcher.find() ? matcher.group(1) : "";
    }

    /** @return {@code pg_get_functiondef}'s text without its final newline */
    private static String definition(Map<String, String> routine) {
        return routine.get(DEFINITION).stripTrailing();
    }
}
