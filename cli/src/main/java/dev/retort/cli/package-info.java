/**
 * The {@code retort} command line: {@link dev.retort.cli.Main} parses the arguments with picocli,
 * {@link dev.retort.cli.Session} gives each command its settings, output and engine, and one class
 * maps failures to exit codes. The commands themselves are in {@code dev.retort.cli.command}.
 */
package dev.retort.cli;
