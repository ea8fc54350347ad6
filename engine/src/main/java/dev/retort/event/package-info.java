/**
 * The events a migration run emits: the one interface through which progress is observed.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.event;

import org.jspecify.annotations.NullMarked;
