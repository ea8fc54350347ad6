/**
 * The revision graph, target expressions and plans over it, in memory; no I/O.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.internal.graph;

import org.jspecify.annotations.NullMarked;
