package dev.retort.internal.source;

import org.junit.jupiter.api.Test;

import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stamps and file versions are equal exactly when every part is, as the generated methods were. */
class FileStampUnitTests {

    private static final FileTime MODIFIED = FileTime.fromMillis(1_000);
    private static final FileTime CHANGED = FileTime.fromMillis(2_000);
    private static final FileStamp STAMP = new FileStamp(10, 20, MODIFIED, CHANGED);

    @Test
    void stampsWithTheSameSizeInodeAndTimesAreEqual() {
        FileStamp same = new FileStamp(10, 20, FileTime.fromMillis(1_000), FileTime.fromMillis(2_000));

        assertThat(same).isEqualTo(STAMP).hasSameHashCodeAs(STAMP);
    }

    @Test
    void stampsDifferingInAnyPartDiffer() {
        List<FileStamp> others = List.of(
                new FileStamp(11, 20, MODIFIED, CHANGED),
                new FileStamp(10, 21, MODIFIED, CHANGED),
                new FileStamp(10, 20, FileTime.fromMillis(1_001), CHANGED),
                new FileStamp(10, 20, MODIFIED, FileTime.fromMillis(2_001)));

        assertThat(others).allSatisfy(other -> assertThat(other).isNotEqualTo(STAMP));
        assertThat(STAMP).isNotEqualTo(null).isNotEqualTo("a stamp");
    }

    @Test
    void versionsAreEqualWhenLocationAndStampAre() {
        FileVersion version = new FileVersion("m/a1.sql", STAMP);

        assertThat(new FileVersion("m/a1.sql", new FileStamp(10, 20, MODIFIED, CHANGED)))
                .isEqualTo(version).hasSameHashCodeAs(version);
        assertThat(new FileVersion("m/b2.sql", STAMP)).isNotEqualTo(version);
        assertThat(new FileVersion("m/a1.sql", new FileStamp(10, 20, MODIFIED, FileTime.fromMillis(2_001))))
                .isNotEqualTo(version);
    }
}
