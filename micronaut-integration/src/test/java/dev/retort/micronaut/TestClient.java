package dev.retort.micronaut;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A blocking HTTP client for the test thread that returns error responses instead of throwing. */
final class TestClient implements AutoCloseable {

    /** A response, whatever its status. */
    record Reply(int status, String body, HttpHeaders headers) {
    }

    private final HttpClient client;
    private final JsonMapper json;

    TestClient(EmbeddedServer server) {
        this.client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
        this.json = server.getApplicationContext().getBean(JsonMapper.class);
    }

    Reply get(String path) {
        return exchange(HttpRequest.GET(path));
    }

    Reply exchange(HttpRequest<?> request) {
        try {
            return reply(client.toBlocking().exchange(request, String.class));
        } catch (HttpClientResponseException e) {
            return reply(e.getResponse());
        }
    }

    private static Reply reply(HttpResponse<?> response) {
        return new Reply(response.code(), response.getBody(String.class).orElse(""), response.getHeaders());
    }

    /**
     * @param path a path answering JSON
     * @param type what to read it as
     * @param <T>  the type
     * @return the body, read
     */
    <T> T json(String path, Class<T> type) {
        String body = get(path).body();
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + type.getSimpleName() + ": " + body, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
