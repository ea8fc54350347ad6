/**
 * PostgreSQL text: a PostgreSQL-aware, streaming statement splitter that keeps file line numbers,
 * and a classifier that tells which statements cannot run inside a transaction block; SQL
 * literals, and checks that fail in the server with a marker. Internal API; the engine is its only
 * client.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.internal.sql;

import org.jspecify.annotations.NullMarked;
