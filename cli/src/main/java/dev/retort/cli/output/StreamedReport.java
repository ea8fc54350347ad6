package dev.retort.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * A report large enough that its JSON is written token by token rather than made from its
 * record by Jackson's data binding: a schema snapshot has thousands of objects, and binding's
 * start-up (introspecting the records) costs a fresh process more than writing them.
 */
public interface StreamedReport extends Report {

    /**
     * Writes the same document that data binding would make from the record.
     *
     * @param json where to write it
     * @throws IOException when standard output fails
     */
    void writeJson(JsonGenerator json) throws IOException;
}
