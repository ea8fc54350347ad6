/**
 * Fleets: many tenants (schemas of one database, or databases) migrated at once with bounded
 * concurrency, each with its own version table and lock.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.fleet;

import org.jspecify.annotations.NullMarked;
