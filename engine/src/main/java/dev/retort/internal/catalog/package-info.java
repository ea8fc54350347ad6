/**
 * Seeing a schema: the catalog queries of a snapshot, and shadow databases that the migrations are
 * replayed into to learn what schema they make.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.internal.catalog;

import org.jspecify.annotations.NullMarked;
