package dev.retort.internal.catalog;

import dev.retort.internal.history.TableNames;
import dev.retort.internal.sql.SqlLiteral;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalog queries of a schema snapshot: one statement per object kind, each returning one
 * row per object, {@code (kind, name, property names, property values)}, all sent as one query string in one read-only
 * transaction with {@code search_path = pg_catalog}, so that every name in the server's renderings
 * ({@code format_type}, {@code pg_get_*def}) is qualified and equal objects compare equal. Objects
 * that belong to an extension ({@code pg_depend} deptype {@code e}) and Retort's own tables are
 * left out. Set-based: the number of statements does not grow with the schema, and each joins
 * its catalogs by hash or by index (extension members and constraint-backing indexes as hashed
 * sets, comments as joins on {@code pg_description}) rather than calling a lookup per object.
 */
final class CatalogQueries {

    private static final String SNAPSHOT = """
            -- Tables, views and materialized views. The relations in scope (RELATIONS below): the managed schemas', not
            -- Retort's own tables, not an extension's (a hashed set of pg_depend's members).
            WITH __RELATIONS__
            SELECT CASE r.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'table' END, r.name, v.property, v.value
            FROM rel r LEFT JOIN pg_description d ON d.objoid = r.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
              CROSS JOIN LATERAL (VALUES
              ('exists', 'yes'),
              ('partitioned by', CASE WHEN r.relkind = 'p' THEN pg_get_partkeydef(r.oid) END),
              ('partition of', CASE WHEN r.relispartition THEN (SELECT p.oid::regclass::text || ' ' || pg_get_expr(r.relpartbound, r.oid)
                                FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = r.oid) END),
              ('unlogged', CASE WHEN r.relpersistence = 'u' THEN 'yes' END),
              ('row level security', CASE WHEN r.relforcerowsecurity THEN 'forced' WHEN r.relrowsecurity THEN 'enabled' END),
              ('definition', CASE WHEN r.relkind IN ('v', 'm') THEN pg_get_viewdef(r.oid, true) END),
              ('comment', d.description)) v(property, value)
            WHERE v.value IS NOT NULL;

            -- Columns of tables (position left out: ALTER TABLE ... ADD and CREATE TABLE with the column agree).
            WITH __RELATIONS__
            SELECT 'column', r.name || '.' || quote_ident(a.attname), v.property, v.value
            FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND r.relkind IN ('r', 'p') AND a.attnum > 0
              AND NOT a.attisdropped
              JOIN pg_type t ON t.oid = a.atttypid
              LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
              LEFT JOIN pg_description d ON d.objoid = r.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
              LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> t.typcollation
              CROSS JOIN LATERAL (VALUES
              ('type', format_type(a.atttypid, a.atttypmod)),
              ('not null', CASE WHEN a.attnotnull THEN 'yes' END),
              ('default', CASE WHEN a.attgenerated = '' AND ad.adbin IS NOT NULL THEN pg_get_expr(ad.adbin, ad.adrelid) END),
              ('identity', CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END),
              ('generated', CASE WHEN a.attgenerated = 's' THEN 'stored as ' || pg_get_expr(ad.adbin, ad.adrelid) END),
              ('collation', quote_ident(co.collname)),
              ('comment', d.description)) v(property, value)
            WHERE v.value IS NOT NULL;

            -- Constraints of tables: primary key, unique, foreign key, check, exclusion (NOT VALID included).
            WITH __RELATIONS__
            SELECT 'constraint', r.name || '.' || quote_ident(con.conname), v.property, v.value
            FROM rel r JOIN pg_constraint con ON con.conrelid = r.oid
              LEFT JOIN pg_description d ON d.objoid = con.oid AND d.classoid = 'pg_constraint'::regclass AND d.objsubid = 0
              CROSS JOIN LATERAL (VALUES
              ('definition', pg_get_constraintdef(con.oid)),
              ('deferrable', CASE WHEN con.condeferred THEN 'initially deferred' WHEN con.condeferrable THEN 'yes' END),
              ('comment', d.description)) v(property, value)
            WHERE v.value IS NOT NULL;

            -- Indexes that do not back a constraint, on tables and materialized views.
            WITH __RELATIONS__,
            backing AS MATERIALIZED (SELECT conindid FROM pg_constraint WHERE contype IN ('p', 'u', 'x') AND conindid <> 0)
            SELECT 'index', CASE WHEN r.nspname = __HOME__ THEN '' ELSE quote_ident(r.nspname) || '.' END || quote_ident(ic.relname),
                   v.property, v.value
            FROM rel r JOIN pg_index i ON i.indrelid = r.oid JOIN pg_class ic ON ic.oid = i.indexrelid
              LEFT JOIN pg_description d ON d.objoid = i.indexrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
              CROSS JOIN LATERAL (VALUES
              ('definition', pg_get_indexdef(i.indexrelid)),
              ('comment', d.description)) v(property, value)
            WHERE v.value IS NOT NULL AND i.indexrelid NOT IN (SELECT conindid FROM backing);

            -- Sequences, but not those of identity columns (the column says it).
            SELECT 'sequence', CASE WHEN n.nspname = __HOME__ THEN '' ELSE quote_ident(n.nspname) || '.' END || quote_ident(c.relname),
                   v.property, v.value
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid
              LEFT JOIN LATERAL (SELECT d.refobjid, a.attname, o.relnamespace, o.relname FROM pg_depend d
                                 JOIN pg_class o ON o.oid = d.refobjid
                                 JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                                 WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a' LIMIT 1) owner ON true
              LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
              CROSS JOIN LATERAL (VALUES
              ('type', format_type(s.seqtypid, NULL)),
              ('start', s.seqstart::text), ('increment', s.seqincrement::text), ('min', s.seqmin::text), ('max', s.seqmax::text),
              ('cache', s.seqcache::text), ('cycle', CASE WHEN s.seqcycle THEN 'yes' END),
              ('owned by', owner.refobjid::regclass::text || '.' || quote_ident(owner.attname)),
              ('comment', ds.description)) v(property, value)
            WHERE c.relkind = 'S' AND n.nspname = ANY (__SCHEMAS__) AND v.value IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'i'))
              AND NOT (owner.relnamespace = n.oid AND n.nspname = __OWN_SCHEMA__ AND owner.relname IN (__OWN_TABLES__)) IS TRUE;

            -- Enum, domain and composite types.
            SELECT CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' ELSE 'composite type' END,
                   CASE WHEN n.nspname = __HOME__ THEN '' ELSE quote_ident(n.nspname) || '.' END || quote_ident(t.typname),
                   v.property, v.value
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace CROSS JOIN LATERAL (VALUES
              ('labels', CASE WHEN t.typtype = 'e' THEN coalesce((SELECT string_agg(quote_literal(e.enumlabel), ', '
                                                         ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '') END),
              ('type', CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END),
              ('not null', CASE WHEN t.typtype = 'd' AND t.typnotnull THEN 'yes' END),
              ('default', CASE WHEN t.typtype = 'd' THEN t.typdefault END),
              ('constraints', CASE WHEN t.typtype = 'd' THEN (SELECT string_agg(quote_ident(con.conname) || ' ' || pg_get_constraintdef(con.oid), '; '
                                                              ORDER BY con.conname) FROM pg_constraint con WHERE con.contypid = t.oid) END),
              ('attributes', CASE WHEN t.typtype = 'c' THEN coalesce((SELECT string_agg(quote_ident(a.attname) || ' '
                               || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum) FROM pg_attribute a
                               WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '') END),
              ('comment', obj_description(t.oid, 'pg_type'))) v(property, value)
            WHERE n.nspname = ANY (__SCHEMAS__) AND v.value IS NOT NULL
              AND (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e');

            -- Functions and procedures (aggregates have no pg_get_functiondef).
            SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
                   CASE WHEN n.nspname = __HOME__ THEN '' ELSE quote_ident(n.nspname) || '.' END || quote_ident(p.proname)
                       || '(' || pg_get_function_identity_arguments(p.oid) || ')',
                   v.property, v.value
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace CROSS JOIN LATERAL (VALUES
              ('definition', pg_get_functiondef(p.oid)),
              ('comment', obj_description(p.oid, 'pg_proc'))) v(property, value)
            WHERE p.prokind IN ('f', 'p', 'w') AND n.nspname = ANY (__SCHEMAS__) AND v.value IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e');

            -- Triggers (not those a constraint makes) and row-level security policies.
            WITH __RELATIONS__
            SELECT 'trigger', r.name || '.' || quote_ident(tg.tgname), v.property, v.value
            FROM rel r JOIN pg_trigger tg ON tg.tgrelid = r.oid AND NOT tg.tgisinternal CROSS JOIN LATERAL (VALUES
              ('definition', pg_get_triggerdef(tg.oid)),
              ('enabled', CASE tg.tgenabled WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica' WHEN 'A' THEN 'always' END),
              ('comment', obj_description(tg.oid, 'pg_trigger'))) v(property, value)
            WHERE v.value IS NOT NULL
            UNION ALL
            SELECT 'policy', r.name || '.' || quote_ident(pol.polname), v.property, v.value
            FROM rel r JOIN pg_policy pol ON pol.polrelid = r.oid CROSS JOIN LATERAL (VALUES
              ('command', CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END),
              ('permissive', CASE WHEN pol.polpermissive THEN 'yes' ELSE 'no' END),
              ('roles', (SELECT string_agg(CASE WHEN role = 0 THEN 'public' ELSE quote_ident(pg_get_userbyid(role)) END, ', ' ORDER BY 1)
                         FROM unnest(pol.polroles) role)),
              ('using', pg_get_expr(pol.polqual, pol.polrelid)),
              ('with check', pg_get_expr(pol.polwithcheck, pol.polrelid))) v(property, value)
            WHERE v.value IS NOT NULL;

            -- Extensions, wherever they live (plpgsql is always there).
            SELECT 'extension', quote_ident(e.extname), v.property, v.value
            FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace CROSS JOIN LATERAL (VALUES
              ('version', e.extversion), ('schema', n.nspname)) v(property, value)
            WHERE e.extname <> 'plpgsql';
            """;

    /**
     * The statements with each object's properties gathered into one row of two arrays, names and
     * values sorted by name: a third of the rows to send and decode.
     */
    /** The relations in scope, the first CTE of the statements on tables, views and their parts. */
    private static final String RELATIONS = """
            ext AS MATERIALIZED (SELECT objid FROM pg_depend WHERE classid = 'pg_class'::regclass AND deptype = 'e'),
            rel AS MATERIALIZED (
              SELECT c.oid, c.relkind, c.relpersistence, c.relrowsecurity, c.relforcerowsecurity, c.relispartition,
                     c.relpartbound, n.nspname,
                     CASE WHEN n.nspname = __HOME__ THEN '' ELSE quote_ident(n.nspname) || '.' END || quote_ident(c.relname) AS name
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname = ANY (__SCHEMAS__)
                AND NOT (n.nspname = __OWN_SCHEMA__ AND c.relname IN (__OWN_TABLES__))
                AND c.oid NOT IN (SELECT objid FROM ext))""";

    private static final String OBJECT_PER_ROW = Arrays.stream(SNAPSHOT.replace("__RELATIONS__", RELATIONS).split(";\n"))
            .filter(statement -> !statement.isBlank())
            .map(statement -> "SELECT k, n, array_agg(p ORDER BY p), array_agg(v ORDER BY p) FROM (\n" + statement
                    + "\n) o(k, n, p, v) GROUP BY k, n;\n")
            .collect(Collectors.joining());

    private CatalogQueries() {
    }

    /**
     * @param schemas the managed schemas; the first is the home schema, whose objects are named
     *                without a prefix
     * @param own     Retort's tables, left out
     * @return the query string, transaction included
     */
    static String snapshot(List<String> schemas, TableNames own) {
        String array = schemas.stream().map(SqlLiteral::string).collect(Collectors.joining(", ", "ARRAY[", "]::text[]"));
        String filled = OBJECT_PER_ROW.replace("__SCHEMAS__", array)
                .replace("__HOME__", SqlLiteral.string(schemas.get(0)))
                .replace("__OWN_SCHEMA__", SqlLiteral.string(own.schema()))
                .replace("__OWN_TABLES__", SqlLiteral.string(own.version()) + ", " + SqlLiteral.string(own.history()));
        return "BEGIN READ ONLY;\nSET LOCAL search_path = pg_catalog;\n" + filled + "COMMIT;\n";
    }
}
