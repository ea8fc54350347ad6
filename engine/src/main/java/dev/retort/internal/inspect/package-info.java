/**
 * The read-only side: status, history, validation and offline scripts; no lock, no table created.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.internal.inspect;

import org.jspecify.annotations.NullMarked;
