package dev.retort.internal.source;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed migration file: its header and its sections. Immutable.
 *
 * @param id            the revision id
 * @param parents       the revisions it revises (empty for a base, two or more for a merge)
 * @param dependsOn     revisions that must be applied first without merging streams
 * @param branchLabels  labels naming the branch that starts here
 * @param message       the one-line description, possibly empty
 * @param transactional whether its upgrade and downgrade each run in one transaction
 * @param upgrade       the upgrade section
 * @param downgrade     the downgrade section, if the file has one
 * @param checksums     the checksum over both sections, computed when first asked for
 * @param location      where the file lives, for messages
 * @param settings      the server settings its {@code set} header gives (none without one)
 * @param lintIgnore    the lint rules its {@code lint-ignore} header switches off
 */
public record Script(
        String id,
        List<String> parents,
        List<String> dependsOn,
        Set<String> branchLabels,
        String message,
        boolean transactional,
        Section upgrade,
        Optional<Section> downgrade,
        Checksums checksums,
        String location,
        SessionSettings settings,
        Suppressions lintIgnore) {

    /** Copies the collections so the record stays immutable. */
    public Script {
        parents = List.copyOf(parents);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = Set.copyOf(branchLabels);
    }

    /** @return {@code sha256:<hex>} over both sections */
    public String checksum() {
        return checksums.value();
    }
}
