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

    /** @param line one line, without its line break */
    public void line(String line) {
        out.println(line);
    }

    /** @return the styles to decorate with */
    public Styles styles() {
        return styles;
    }
}
