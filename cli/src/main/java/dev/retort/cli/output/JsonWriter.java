package dev.retort.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Writes JSON to standard output, one compact document per line, so that both a single document
 * and a stream of events can be read line by line ({@code jq}, {@code json.loads} per line).
 * Created only with {@code --json}: Jackson's start-up cost is not paid by human output.
 */
final class JsonWriter {

    private final JsonFactory factory = new JsonFactory().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    private final PrintStream out;
    private ObjectMapper mapper;

    JsonWriter(PrintStream out) {
        this.out = out;
    }

    /** @return an empty object to fill */
    ObjectNode object() {
        return mapper().createObjectNode();
    }

    /** @param value a record of plain values, or a JSON node, written as one line */
    void write(Object value) {
        try {
            out.println(mapper().writeValueAsString(value));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param report a large report, written token by token as one line */
    void write(StreamedReport report) {
        try (JsonGenerator generator = factory.createGenerator(out)) {
            report.writeJson(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    /** Made on first use: data binding's start-up is not paid by a streamed report. */
    private ObjectMapper mapper() {
        if (mapper == null) {
            mapper = new ObjectMapper(factory);
        }
        return mapper;
    }
}
