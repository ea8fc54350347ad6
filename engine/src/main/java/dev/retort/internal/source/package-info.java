/**
 * Reading migration files: sources, the parser of headers and sections, the manifest cache.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.internal.source;

import org.jspecify.annotations.NullMarked;
