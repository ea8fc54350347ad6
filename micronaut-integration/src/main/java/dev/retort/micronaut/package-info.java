/**
 * Retort for Micronaut: migrates each R2DBC datasource ({@code r2dbc.datasources.<name>}) from its
 * {@code retort.datasources.<name>} configuration, before the application accepts traffic
 * ({@code startup} mode) or in the background behind a DOWN readiness check ({@code async} mode).
 * The whole module is switched off with {@code retort.enabled: false}.
 */
@Configuration
@Requires(property = "retort.enabled", notEquals = "false")
package dev.retort.micronaut;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
