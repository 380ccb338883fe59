package dev.newsflow.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/** Sends an interactive query on to the instance that owns its key, and brings back that instance's answer. */
final class QueryForwarder {

    /** Marks a forwarded request, so an instance that does not own the key either answers 503 instead of bouncing it. */
    static final String HEADER = "X-Newsflow-Forwarded-By";

    /** What the owner answered. */
    record Answer(int status, String contentType, String body) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String self;

    QueryForwarder(String self) {
        this.self = self;
    }

    /** Asks {@code owner} for the same path and query; an owner that does not answer is an {@link IOException}. */
    Answer forward(HostInfo owner, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + owner.host() + ":" + owner.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header(HEADER, self == null ? "unknown" : self)
                .GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
    }
}
