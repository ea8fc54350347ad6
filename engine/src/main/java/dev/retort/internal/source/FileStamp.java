package dev.retort.internal.source;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What identifies one version of a file: size, inode, modification and change time. The change
 * time ({@code ctime}) cannot be set back by a program, unlike the modification time, so an edit
 * always changes the stamp, except within one tick of the file system's clock; a stamp is trusted
 * only once its change time is {@link #SETTLE} in the past, as git does with its index.
 *
 * @param size     the size in bytes
 * @param inode    the inode
 * @param modified the modification time
 * @param changed  the change time
 */
record FileStamp(long size, long inode, FileTime modified, FileTime changed) {

    /** The attributes read with one {@code stat}. */
    static final String UNIX_ATTRIBUTES = "unix:isRegularFile,size,ino,lastModifiedTime,ctime";

    /** Longer than any file system's timestamp granularity (FAT's is 2 s). */
    static final Duration SETTLE = Duration.ofSeconds(3);

    /*
     * equals and hashCode are written out because a record's generated ones are linked through
     * invokedynamic on their first call, which a fresh CLI process paid for in milliseconds on every
     * run that compares stamps (the manifest).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof FileStamp stamp && size == stamp.size && inode == stamp.inode
                && modified.equals(stamp.modified) && changed.equals(stamp.changed);
    }

    @Override
    public int hashCode() {
        return ((Long.hashCode(size) * 31 + Long.hashCode(inode)) * 31 + modified.hashCode()) * 31 + changed.hashCode();
    }

    static FileStamp of(Map<String, Object> unix) {
        return new FileStamp((Long) unix.get("size"), (Long) unix.get("ino"), (FileTime) unix.get("lastModifiedTime"),
                (FileTime) unix.get("ctime"));
    }

    /**
     * @param now the current time
     * @return whether no later edit can leave the stamp unchanged
     */
    boolean settled(Instant now) {
        return changed.toInstant().isBefore(now.minus(SETTLE));
    }

    /** Writes the stamp for {@link #read}; the times to the nanosecond, as the file system keeps them. */
    void write(DataOutput out) throws IOException {
        out.writeLong(size);
        out.writeLong(inode);
        out.writeLong(modified.to(TimeUnit.NANOSECONDS));
        out.writeLong(changed.to(TimeUnit.NANOSECONDS));
    }

    static FileStamp read(DataInput in) throws IOException {
        return new FileStamp(in.readLong(), in.readLong(), FileTime.from(in.readLong(), TimeUnit.NANOSECONDS),
                FileTime.from(in.readLong(), TimeUnit.NANOSECONDS));
    }
}
