/**
 * The driver's edge: connections and transactions, error translation, the session's reset.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.internal.r2dbc;

import org.jspecify.annotations.NullMarked;
