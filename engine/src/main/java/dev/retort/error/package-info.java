/**
 * Failures as data: {@link dev.retort.error.RetortException} and its {@link
 * dev.retort.error.ErrorCode}, with subclasses that carry the facts a user needs to act (file,
 * line, revision, SQLSTATE).
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.error;

import org.jspecify.annotations.NullMarked;
