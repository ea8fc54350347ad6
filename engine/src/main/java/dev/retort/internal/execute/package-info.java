/**
 * The write side: a run's orchestration, from the lock and the plan under it to the pipelined
 * steps.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.internal.execute;

import org.jspecify.annotations.NullMarked;
