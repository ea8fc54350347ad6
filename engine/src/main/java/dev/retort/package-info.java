/**
 * The API: {@link dev.retort.Retort}, built by {@link dev.retort.RetortBuilder}, with targets,
 * plans, status and reports.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort;

import org.jspecify.annotations.NullMarked;
