package dev.retort.internal.source;

import dev.retort.spi.ScriptResource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What identifies one version of one file of a source: where it is and its stamp. A source's list
 * of them says whether anything read from its files before may be used again.
 *
 * @param location the file's location
 * @param stamp    its stamp
 */
record FileVersion(String location, FileStamp stamp) {

    // Written out, as FileStamp's are: a generated equals costs a fresh process its linking.
    @Override
    public boolean equals(Object other) {
        return other instanceof FileVersion version && location.equals(version.location) && stamp.equals(version.stamp);
    }

    @Override
    public int hashCode() {
        return location.hashCode() * 31 + stamp.hashCode();
    }

    /**
     * @param resources a source's files, as listed now
     * @return every file's version, or empty if one has no settled stamp (then the files are read)
     */
    static Optional<List<FileVersion>> of(List<ScriptResource> resources) {
        Instant now = Instant.now();
        List<FileVersion> versions = new ArrayList<>(resources.size());
        for (ScriptResource resource : resources) {
            Optional<FileStamp> stamp = resource instanceof Stamped stamped ? stamped.stamp() : Optional.empty();
            if (stamp.isEmpty() || !stamp.get().settled(now)) {
                return Optional.empty();
            }
            versions.add(new FileVersion(resource.location(), stamp.get()));
        }
        return Optional.of(versions);
    }
}
