/**
 * Retort's test kit: {@link dev.retort.test.kit.RetortDatabase}, a JUnit 5 extension giving each
 * test class a fresh migrated PostgreSQL database, and {@link dev.retort.test.kit.RunVerifier},
 * which checks a run's milestones with StepVerifier.
 *
 * <p>Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.retort.test.kit;

import org.jspecify.annotations.NullMarked;
