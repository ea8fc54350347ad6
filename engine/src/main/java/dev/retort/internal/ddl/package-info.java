/**
 * Writing a schema: the DDL that turns one snapshot into another, kind by kind, in an order that
 * runs as written ({@link dev.retort.schema.SchemaScript#between}).
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.internal.ddl;

import org.jspecify.annotations.NullMarked;
