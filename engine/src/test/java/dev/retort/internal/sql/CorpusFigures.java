package dev.retort.internal.sql;

/**
 * Counts what a corpus run compared, for the reliability report: a comparison that silently
 * covered nothing would look just like one that found nothing.
 */
final class CorpusFigures {

    private int files;
    private long bytes;
    private int statements;
    private int succeeded;

    /** Records one file whose statements were compared. */
    void file(long size, int statementCount) {
        files++;
        bytes += size;
        statements += statementCount;
    }

    /** Records how many of a file's statements the server ran without error. */
    void succeeded(int count) {
        succeeded += count;
    }

    int files() {
        return files;
    }

    /** @return a one-line summary */
    String summary(String what) {
        String ran = succeeded > 0 ? ", " + succeeded + " of them ran without error" : "";
        return what + ": " + files + " files, " + bytes + " bytes, " + statements + " statements" + ran;
    }
}
