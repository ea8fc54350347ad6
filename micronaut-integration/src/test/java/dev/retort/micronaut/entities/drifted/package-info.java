/** Entities that the example migrations' schema does not match. */
package dev.retort.micronaut.entities.drifted;
