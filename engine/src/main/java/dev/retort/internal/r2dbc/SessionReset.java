package dev.retort.internal.r2dbc;

import dev.retort.internal.sql.SqlLiteral;
import io.r2dbc.spi.Readable;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements that put the work connection's session back the way the run found it, run after
 * each revision's statements and before its bookkeeping. A revision may change its session:
 * {@code SET search_path}, {@code SET ROLE}, a temporary table. Left alone, that would reach the
 * revisions after it in the same run, but not the same revisions applied in another run, so the
 * schema would depend on how an upgrade was split into runs; and Retort's own bookkeeping would run
 * as another role or with another search path.
 *
 * <p>Settings the session had when the run opened it (an application's connection initializer,
 * Retort's own {@code client_connection_check_interval}) are restored, not reset to the server's
 * defaults; settings from the connection's start-up options survive {@code RESET ALL} by
 * themselves.
 *
 * @param statements the statements, each to be sent as a statement of its own
 */
public record SessionReset(List<String> statements) {

    /** For offline scripts, which know nothing of the session psql will run them in. */
    public static final SessionReset TO_DEFAULTS = new SessionReset(
            List.of("RESET ALL", "RESET SESSION AUTHORIZATION", "RESET ROLE", "DISCARD TEMP"));

    /**
     * The query that reads what {@link #of} needs: the session and current user, and the settings
     * this session changed with {@code SET} (source {@code session}), with their current values.
     */
    public static final String CAPTURE = "SELECT quote_ident(session_user) AS session_role, quote_ident(current_user) AS"
            + " current_role, session_user = current_user AS own_role,"
            + " ARRAY(SELECT name::text FROM pg_settings WHERE source = 'session' ORDER BY name) AS names,"
            + " ARRAY(SELECT current_setting(name) FROM pg_settings WHERE source = 'session' ORDER BY name) AS settings";

    public SessionReset {
        statements = List.copyOf(statements);
    }

    /**
     * @param row the row of {@link #CAPTURE}, read when the run opened the session
     * @return the statements that restore that state
     */
    public static SessionReset of(Readable row) {
        List<String> statements = new ArrayList<>(List.of("RESET ALL",
                "SET SESSION AUTHORIZATION " + row.get("session_role", String.class),
                Boolean.TRUE.equals(row.get("own_role", Boolean.class)) ? "RESET ROLE"
                        : "SET ROLE " + row.get("current_role", String.class),
                "DISCARD TEMP"));
        String[] names = row.get("names", String[].class);
        String[] settings = row.get("settings", String[].class);
        if (names != null && names.length > 0) {
            StringBuilder restore = new StringBuilder("SELECT ");
            for (int i = 0; i < names.length; i++) {
                restore.append(i > 0 ? ", " : "").append("set_config(").append(SqlLiteral.string(names[i])).append(", ")
                        .append(SqlLiteral.string(settings[i])).append(", false)");
            }
            statements.add(restore.toString());
        }
        return new SessionReset(statements);
    }
}
