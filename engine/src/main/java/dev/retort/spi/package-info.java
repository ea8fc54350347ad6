/**
 * Where migration scripts come from: implement {@link dev.retort.spi.MigrationSource} for a
 * location of your own.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.spi;

import org.jspecify.annotations.NullMarked;
