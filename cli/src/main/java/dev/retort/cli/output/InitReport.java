package dev.retort.cli.output;

/**
 * What {@code init} created.
 *
 * @param migrations the migrations directory
 * @param properties the configuration file
 */
public record InitReport(String migrations, String properties) implements Report {

    @Override
    public void printTo(Text text) {
        text.line("Created " + migrations + " and " + properties + ".");
        text.line("Next: check the URL in " + properties + " (or set RETORT_URL), then write a first migration"
                + " with 'retort revision -m \"...\"'.");
    }
}
