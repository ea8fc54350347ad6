/**
 * What a database's schema is, and how two schemas differ: {@link dev.retort.schema.SchemaSnapshot},
 * read from the catalogs, and {@link dev.retort.schema.SchemaDiff} between two of them.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.schema;

import org.jspecify.annotations.NullMarked;
