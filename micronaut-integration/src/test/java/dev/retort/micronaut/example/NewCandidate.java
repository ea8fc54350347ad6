package dev.retort.micronaut.example;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /candidates}.
 *
 * @param companyName  the provider's company
 * @param contactEmail unique per candidate
 */
@Serdeable
public record NewCandidate(String companyName, String contactEmail) {
}
