/** Entities that match the example migrations' schema. */
package dev.retort.micronaut.entities.matching;
