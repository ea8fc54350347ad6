/**
 * Retort's version and history tables: their SQL, and reading the database's state from them.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.internal.history;

import org.jspecify.annotations.NullMarked;
