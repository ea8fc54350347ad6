package dev.retort.micronaut;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One way a Micronaut Data entity and the migrated schema disagree.
 *
 * @param entity  the entity's class, e.g. {@code com.example.Candidate}
 * @param problem what disagrees, e.g. {@code property nickname: no column candidates.nickname}
 * @param fix     the DDL that would make the schema match the entity, to put in a new revision
 */
@Serdeable
public record EntityMismatch(String entity, String problem, String fix) {

    /** @return one line for a log or an assertion: the entity, the problem and the fix */
    public String describe() {
        return entity + ": " + problem + "; fix: " + fix;
    }
}
