/**
 * From a plan over the graph to steps that can run: each step's script and statements, checked
 * before anything runs.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.internal.plan;

import org.jspecify.annotations.NullMarked;
