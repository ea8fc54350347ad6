package dev.retort.internal.ddl;

import dev.retort.internal.sql.SqlLiteral;
import dev.retort.schema.ObjectKind;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names as a snapshot writes them: identifiers quoted where PostgreSQL needs it ({@code quote_ident}),
 * joined by dots, e.g. {@code candidates.version} or {@code audit."Events".id}.
 */
final class Identifiers {

    private Identifiers() {
    }

    /**
     * @param name a qualified name
     * @return its identifiers, still quoted as written; dots inside quotes do not split
     */
    static List<String> split(String name) {
        return SqlLiteral.splitOutsideQuotes(name, '.', '"');
    }

    /** @return {@code t} of {@code t.c}, {@code s.t} of {@code s.t.c}: the object a part belongs to */
    static String owner(String qualified) {
        List<String> parts = split(qualified);
        return String.join(".", parts.subList(0, parts.size() - 1));
    }

    /** @return {@code c} of {@code t.c}: the part's own name */
    static String last(String qualified) {
        List<String> parts = split(qualified);
        return parts.get(parts.size() - 1);
    }

    /** @return the kind as DDL names it, e.g. {@code MATERIALIZED VIEW} */
    static String keyword(ObjectKind kind) {
        return kind.label().toUpperCase(Locale.ROOT);
    }

    /**
     * Whether a definition the server rendered (a view's query, an index) refers to a relation:
     * by its name, qualified by any schema or not, as a whole identifier.
     *
     * @param definition the rendered text
     * @param relation   a relation's name as a snapshot writes it
     * @return whether the text names it
     */
    static boolean mentions(String definition, String relation) {
        String own = Pattern.quote(last(relation));
        return Pattern.compile("(?<![\\w$\"])(?:[\\w$]+\\.|\"[^\"]+\"\\.)?" + own + "(?![\\w$\"])")
                .matcher(definition).find();
    }
}
