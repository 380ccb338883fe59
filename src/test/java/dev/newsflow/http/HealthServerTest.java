package dev.newsflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoints over real HTTP, with the streams state supplied by the test. */
class HealthServerTest {

    private final AtomicReference<StreamsHealth> health = new AtomicReference<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HealthServer server;

    @BeforeEach
    void start() throws Exception {
        server = HealthServer.start("127.0.0.1", 0, health::get, () -> "newsflow_articles_in_total 3.0\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void runningIsHealthyLiveAndReady() throws Exception {
        health.set(new StreamsHealth(State.RUNNING, List.of("RUNNING")));

        for (String path : List.of("/health", "/health/live", "/health/ready")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(json(response).get("status").asText()).as(path).isEqualTo("UP");
            assertThat(json(response).get("streams").asText()).isEqualTo("RUNNING");
            assertThat(json(response).get("aliveThreads").asInt()).isEqualTo(1);
        }
    }

    @Test
    void rebalancingIsHealthyAndLiveButNotReady() throws Exception {
        health.set(new StreamsHealth(State.REBALANCING, List.of("PARTITIONS_ASSIGNED")));

        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(json(get("/health")).get("status").asText()).isEqualTo("DEGRADED");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(json(get("/health/ready")).get("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void aClientWithoutWorkingThreadsOrInErrorIsNotLive() throws Exception {
        health.set(new StreamsHealth(State.RUNNING, List.of("PENDING_SHUTDOWN")));
        assertThat(get("/health/live").statusCode()).isEqualTo(503);

        health.set(new StreamsHealth(State.ERROR, List.of()));
        assertThat(get("/health/live").statusCode()).isEqualTo(503);
        assertThat(get("/health").statusCode()).isEqualTo(503);
        assertThat(json(get("/health")).get("status").asText()).isEqualTo("DOWN");

        health.set(new StreamsHealth(State.CREATED, List.of()));
        assertThat(get("/health/live").statusCode()).as("still starting").isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void metricsAreServedAsPrometheusTextAndUnknownPathsAre404() throws Exception {
        health.set(new StreamsHealth(State.RUNNING, List.of("RUNNING")));

        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).contains(HealthServer.PROMETHEUS_TEXT);
        assertThat(metrics.body()).isEqualTo("newsflow_articles_in_total 3.0\n");
        assertThat(get("/health/nope").statusCode()).isEqualTo(404);
    }
}
