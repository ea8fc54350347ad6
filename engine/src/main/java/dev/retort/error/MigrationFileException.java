package dev.retort.error;

/**
 * A migration file cannot be read or parsed. Names the file and the 1-based line (0 when the
 * problem concerns the whole file). Raised before anything touches the database.
 */
public final class MigrationFileException extends RetortException {

    private final String file;
    private final int line;

    /**
     * @param file   the file's name or path as the source reported it
     * @param line   the 1-based line of the problem, or 0 for the whole file
     * @param reason what is wrong and what to do about it
     */
    public MigrationFileException(String file, int line, String reason) {
        super(ErrorCode.INVALID_MIGRATIONS, format(file, line, reason));
        this.file = file;
        this.line = line;
    }

    private static String format(String file, int line, String reason) {
        return (line > 0 ? file + ":" + line : file) + ": " + reason;
    }

    /** @return the file's name or path */
    public String file() {
        return file;
    }

    /** @return the 1-based line, or 0 when the problem concerns the whole file */
    public int line() {
        return line;
    }
}
