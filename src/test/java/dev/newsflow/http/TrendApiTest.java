package dev.newsflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The query routes' answers that need no running streams: 503 while not running, 400, 404, 405. */
class TrendApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private KafkaStreams streams;
    private HealthServer server;

    @BeforeEach
    void start() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "trend-api-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        // Never started: the streams client stays CREATED, as an instance does before its first assignment.
        streams = new KafkaStreams(builder.build(), props);
        server = HealthServer.start("127.0.0.1", 0, () -> null, () -> "", Map.of(
                TrendApi.PATH, new TrendApi(streams, "127.0.0.1:9", Duration.ofHours(1), Duration.ofDays(1), Clock.systemUTC()),
                AlertApi.PATH, new AlertApi(streams, "127.0.0.1:9", Clock.systemUTC())));
    }

    @AfterEach
    void stop() {
        server.close();
        streams.close(Duration.ofSeconds(5));
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aQueryWhileStreamsAreNotRunningIsRetriedLater() throws Exception {
        HttpResponse<String> response = send("GET", "/api/trends/topic/sanctions?from=2026-11-28T00:00:00Z");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.body()).contains("CREATED");
        assertThat(send("GET", "/api/trends/topic/sanctions/top-entities").statusCode()).isEqualTo(503);
    }

    @Test
    void unknownRoutesMethodsAndBadParametersAreRefusedWithAReason() throws Exception {
        HttpResponse<String> unknown = send("GET", "/api/trends/place/x");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("/api/trends/topic/{id}");
        assertThat(send("POST", "/api/trends/topic/x").statusCode()).isEqualTo(405);
        assertThat(send("POST", "/api/alerts/ops-team").statusCode()).isEqualTo(405);
        HttpResponse<String> nested = send("GET", "/api/alerts/ops-team/more");
        assertThat(nested.statusCode()).isEqualTo(404);
        assertThat(nested.body()).contains("/api/alerts/{subscription}");
        HttpResponse<String> badTime = send("GET", "/api/alerts/ops-team?from=yesterday");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body()).contains("from must be an ISO-8601 instant");
        assertThat(send("GET", "/api/alerts/ops-team?limit=0").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/alerts/ops-team?from=2026-11-28T10:00:00Z&to=2026-11-28T09:00:00Z")
                .statusCode()).isEqualTo(400);
        HttpResponse<String> notRunning = send("GET", "/api/alerts/ops-team");
        assertThat(notRunning.statusCode()).isEqualTo(503);
        assertThat(notRunning.headers().firstValue("Retry-After")).contains("1");
    }
}
