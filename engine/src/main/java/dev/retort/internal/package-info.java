/**
 * The engine's implementation; nothing here is API. Its settings, shared by the read and the write
 * side.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.internal;

import org.jspecify.annotations.NullMarked;
