package dev.retort.internal.source;

import java.util.Optional;

/** A script resource that can tell, without reading it, which version of its file it is. */
interface Stamped {

    /** @return the stamp, or empty when the file system cannot tell (then it is always read) */
    Optional<FileStamp> stamp();
}
