package dev.retort.internal.catalog;

import dev.retort.internal.history.TableNames;
import dev.retort.internal.sql.SqlLiteral;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalog queries of a schema snapshot: one statement per object kind, each returning one
 * row per object: its kind, its name, then one column per property, labelled with the property's
 * name and null where the object does not have it. All are sent as one query string in one read-only
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
            SELECT CASE r.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'table' END, r.name,
              'yes' AS "exists",
              CASE WHEN r.relkind = 'p' THEN pg_get_partkeydef(r.oid) END AS "partitioned by",
              CASE WHEN r.relispartition THEN (SELECT p.oid::regclass::text || ' ' || pg_get_expr(r.relpartbound, r.oid)
                                FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = r.oid) END AS "partition of",
              CASE WHEN r.relpersistence = 'u' THEN 'yes' END AS "unlogged",
              CASE WHEN r.relforcerowsecurity THEN 'forced' WHEN r.relrowsecurity THEN 'enabled' END AS "row level security",
              CASE WHEN r.relkind IN ('v', 'm') THEN pg_get_viewdef(r.oid, true) END AS "definition",
              d.description AS "comment"
            FROM rel r LEFT JOIN pg_description d ON d.objoid = r.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0;

            -- Constraints of tables: primary key, unique, foreign key, check, exclusion (NOT VALID included).
            WITH __RELATIONS__
            SELECT 'constraint', r.name || '.' || quote_ident(con.conname),
              pg_get_constraintdef(con.oid) AS "definition",
              CASE WHEN con.condeferred THEN 'initially deferred' WHEN con.condeferrable THEN 'yes' END AS "deferrable",
              d.description AS "comment"
            FROM rel r JOIN pg_constraint con ON con.conrelid = r.oid
              LEFT JOIN pg_description d ON d.objoid = con.oid AND d.classoid = 'pg_constraint'::regclass AND d.objsubid = 0;

            -- Indexes that do not back a constraint, on tables and materialized views.
            WITH __RELATIONS__,
            backing AS MATERIALIZED (SELECT conindid FROM pg_constraint WHERE contype IN ('p', 'u', 'x') AND conindid <> 0)
            SELECT 'index', CASE WHEN r.nspname = __HOME__ THEN '' ELSE quote_ident(r.nspname) || '.' END || quote_ident(ic.relname),
              pg_get_indexdef(i.indexrelid) AS "definition",
              d.description AS "comment"
            FROM rel r JOIN pg_index i ON i.indrelid = r.oid JOIN pg_class ic ON ic.oid = i.indexrelid
              LEFT JOIN pg_description d ON d.objoid = i.indexrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
            WHERE i.indexrelid NOT IN (SELECT conindid FROM backing);

            -- Triggers (not those a constraint makes).
            WITH __RELATIONS__
            SELECT 'trigger', r.name || '.' || quote_ident(tg.tgname),
              pg_get_triggerdef(tg.oid) AS "definition",
              CASE tg.tgenabled WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica' WHEN 'A' THEN 'always' END AS "enabled",
              obj_description(tg.oid, 'pg_trigger') AS "comment"
            FROM rel r JOIN pg_trigger tg ON tg.tgrelid = r.oid AND NOT tg.tgisinternal;

            -- Row-level security policies.
            WITH __RELATIONS__
            SELECT 'policy', r.name || '.' || quote_ident(pol.polname),
              CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS "command",
              CASE WHEN pol.polpermissive THEN 'yes' ELSE 'no' END AS "permissive",
              (SELECT string_agg(CASE WHEN role = 0 THEN 'public' ELSE quote_ident(pg_get_userbyid(role)) END, ', ' ORDER BY 1)
                         FROM unnest(pol.polroles) role) AS "roles",
              pg_get_expr(pol.polqual, pol.polrelid) AS "using",
              pg_get_expr(pol.polwithcheck, pol.polrelid) AS "with check"
            FROM rel r JOIN pg_policy pol ON pol.polrelid = r.oid;

            -- Columns of tables. The position counts live columns only, so that a table built with ALTER TABLE ... ADD
            -- and the same table made by one CREATE TABLE agree; diffs do not compare it (SchemaObject.POSITION).
            WITH __RELATIONS__
            SELECT 'column', r.name || '.' || quote_ident(a.attname),
              (row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum))::text AS "position",
              format_type(a.atttypid, a.atttypmod) AS "type",
              CASE WHEN a.attnotnull THEN 'yes' END AS "not null",
              CASE WHEN a.attgenerated = '' AND ad.adbin IS NOT NULL THEN pg_get_expr(ad.adbin, ad.adrelid) END AS "default",
              CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END AS "identity",
              CASE WHEN a.attgenerated = 's' THEN 'stored as ' || pg_get_expr(ad.adbin, ad.adrelid) END AS "generated",
              quote_ident(co.collname) AS "collation",
              d.description AS "comment"
            FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND r.relkind IN ('r', 'p') AND a.attnum > 0
              AND NOT a.attisdropped
              JOIN pg_type t ON t.oid = a.atttypid
              LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
              LEFT JOIN pg_description d ON d.objoid = r.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
              LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> t.typcollation;

            -- Sequences, but not those of identity columns (the column says it).
            SELECT 'sequence', CASE WHEN n.nspname = __HOME__ THEN '' ELSE quote_ident(n.nspname) || '.' END || quote_ident(c.relname),
              format_type(s.seqtypid, NULL) AS "type",
              s.seqstart::text AS "start",
              s.seqincrement::text AS "increment",
              s.seqmin::text AS "min",
              s.seqmax::text AS "max",
              s.seqcache::text AS "cache",
              CASE WHEN s.seqcycle THEN 'yes' END AS "cycle",
              owner.refobjid::regclass::text || '.' || quote_ident(owner.attname) AS "owned by",
              ds.description AS "comment"
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid
              LEFT JOIN LATERAL (SELECT d.refobjid, a.attname, o.relnamespace, o.relname FROM pg_depend d
                                 JOIN pg_class o ON o.oid = d.refobjid
                                 JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                                 WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a' LIMIT 1) owner ON true
              LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
            WHERE c.relkind = 'S' AND n.nspname = ANY (__SCHEMAS__)
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'i'))
              AND NOT (owner.relnamespace = n.oid AND n.nspname = __OWN_SCHEMA__ AND owner.relname IN (__OWN_TABLES__)) IS TRUE;

            -- Enum, domain and composite types.
            SELECT CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' ELSE 'composite type' END,
                   CASE WHEN n.nspname = __HOME__ THEN '' ELSE quote_ident(n.nspname) || '.' END || quote_ident(t.typname),
              CASE WHEN t.typtype = 'e' THEN coalesce((SELECT string_agg(quote_literal(e.enumlabel), ', '
                                                         ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '') END AS "labels",
              CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS "type",
              CASE WHEN t.typtype = 'd' AND t.typnotnull THEN 'yes' END AS "not null",
              CASE WHEN t.typtype = 'd' THEN t.typdefault END AS "default",
              CASE WHEN t.typtype = 'd' THEN (SELECT string_agg(quote_ident(con.conname) || ' ' || pg_get_constraintdef(con.oid), '; '
                                                              ORDER BY con.conname) FROM pg_constraint con WHERE con.contypid = t.oid) END AS "constraints",
              CASE WHEN t.typtype = 'c' THEN coalesce((SELECT string_agg(quote_ident(a.attname) || ' '
                               || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum) FROM pg_attribute a
                               WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '') END AS "attributes",
              obj_description(t.oid, 'pg_type') AS "comment"
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = ANY (__SCHEMAS__)
              AND (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e');

            -- Functions and procedures (aggregates have no pg_get_functiondef).
            SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
                   CASE WHEN n.nspname = __HOME__ THEN '' ELSE quote_ident(n.nspname) || '.' END || quote_ident(p.proname)
                       || '(' || pg_get_function_identity_arguments(p.oid) || ')',
              pg_get_functiondef(p.oid) AS "definition",
              obj_description(p.oid, 'pg_proc') AS "comment"
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.prokind IN ('f', 'p', 'w') AND n.nspname = ANY (__SCHEMAS__)
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e');

            -- Extensions, wherever they live (plpgsql is always there).
            SELECT 'extension', quote_ident(e.extname),
              e.extversion AS "version",
              n.nspname AS "schema"
            FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname <> 'plpgsql';
            """;

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
        return "BEGIN READ ONLY;\nSET LOCAL search_path = pg_catalog;\n" + SNAPSHOT
                .replace("__RELATIONS__", RELATIONS)
                .replace("__SCHEMAS__", array)
                .replace("__HOME__", SqlLiteral.string(schemas.get(0)))
                .replace("__OWN_SCHEMA__", SqlLiteral.string(own.schema()))
                .replace("__OWN_TABLES__", SqlLiteral.string(own.version()) + ", " + SqlLiteral.string(own.history()))
                + "COMMIT;\n";
    }
}
