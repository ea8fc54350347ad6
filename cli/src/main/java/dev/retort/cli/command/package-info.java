/**
 * One class per {@code retort} subcommand, each a thin layer over the engine's API, and the few
 * pieces they share: running or scripting a migration, writing a new revision file, resolving a
 * revision expression against the files.
 */
package dev.retort.cli.command;
