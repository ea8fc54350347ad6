package dev.retort.fleet;

import dev.retort.Retort;

/**
 * One member of a fleet: a name for output and the Retort that migrates it (its own database, or
 * its own schema with its own version table and lock).
 *
 * @param name   how output names it: the schema, or the database's URL without its password
 * @param retort its Retort
 */
public record Tenant(String name, Retort retort) {
}
