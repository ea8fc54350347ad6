/**
 * The linter: rules about what a migration does to a live database.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.internal.lint;

import org.jspecify.annotations.NullMarked;
