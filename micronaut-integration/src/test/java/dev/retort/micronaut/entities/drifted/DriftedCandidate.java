package dev.retort.micronaut.entities.drifted;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.UUID;

/**
 * The candidates table as a model that moved on without a migration.
 *
 * @param id          the key
 * @param companyName matches
 * @param nickname    no such column
 * @param truckCount  a string, where the column is an integer that allows NULL
 * @param status      optional, where the column is NOT NULL
 */
@MappedEntity("candidates")
public record DriftedCandidate(@Id UUID id, String companyName, @Nullable String nickname, String truckCount,
        @Nullable String status) {
}
