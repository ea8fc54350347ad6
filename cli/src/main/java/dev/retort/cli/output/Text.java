package dev.retort.cli.output;

import java.io.PrintStream;

/** Where a {@link Report} writes its human form: standard output, with the run's styles. */
public final class Text {

    private final PrintStream out;
    private final Styles styles;

    Text(PrintStream out, Styles styles) {
        this.out = out;
        this.styles = styles;
    }

    /**
     * @param line one line, without its line break; control characters in it, other than the
     *             styles' own, are printed as visible escapes
     */
    public void line(String line) {
        out.println(styles.safe(line));
    }

    /** @return the styles to decorate with */
    public Styles styles() {
        return styles;
    }
}
