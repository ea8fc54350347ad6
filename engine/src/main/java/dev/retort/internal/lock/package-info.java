/**
 * The migration lock: a session-level advisory lock, taken with backoff, checked before each
 * commit.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.internal.lock;

import org.jspecify.annotations.NullMarked;
