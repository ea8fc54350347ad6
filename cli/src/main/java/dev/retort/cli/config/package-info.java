/**
 * Configuration: the global options, their layering (flag, environment, {@code retort.properties},
 * default), the connection factory built from them, and the scrubbing that keeps passwords out of
 * all output.
 */
package dev.retort.cli.config;
