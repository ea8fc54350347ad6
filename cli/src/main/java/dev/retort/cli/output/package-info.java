/**
 * Presentation: {@link dev.retort.cli.output.Output} prints every command's
 * {@link dev.retort.cli.output.Report} as text or JSON, a run's events as lines or JSON lines,
 * and errors; nothing else in the CLI writes to the console.
 */
package dev.retort.cli.output;
