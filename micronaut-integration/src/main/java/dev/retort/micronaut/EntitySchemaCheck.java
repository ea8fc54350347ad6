package dev.retort.micronaut;

import dev.retort.schema.SchemaSnapshot;

import java.util.List;

/**
 * Compares the application's entities with a schema. An interface without Micronaut Data's types,
 * so that the module loads without Micronaut Data; {@link MappedEntityCheck} is the implementation
 * that exists when it is present.
 */
interface EntitySchemaCheck {

    /**
     * @param schema   the datasource's schema
     * @param packages the packages whose entities belong to the datasource; empty for every entity
     * @return every mismatch, each with the DDL that would fix it; empty when all match
     */
    List<EntityMismatch> compare(SchemaSnapshot schema, List<String> packages);

    /**
     * @param packages the packages whose entities belong to the datasource; empty for every entity
     * @return whether there is any entity to compare, so that a schema is read only when there is
     */
    boolean hasEntities(List<String> packages);
}
