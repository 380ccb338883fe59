package dev.newsflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.config.NewsflowConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/** Health and metrics are reachable from this machine only, unless --http-host opens them on purpose. */
class HealthServerBindingTest {

    @Test
    void theDefaultHostIsLoopbackAndTheServerBindsThere() throws Exception {
        try (HealthServer server = HealthServer.start(NewsflowConfig.defaults().httpHost(), 0,
                () -> new StreamsHealth(KafkaStreams.State.RUNNING, List.of("RUNNING")), () -> "")) {
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anotherHostIsUsedOnlyWhenGiven() throws Exception {
        try (HealthServer server = HealthServer.start("0.0.0.0", 0, () -> new StreamsHealth(KafkaStreams.State.RUNNING, List.of("RUNNING")), () -> "")) {
            assertThat(server.address().getAddress().isAnyLocalAddress()).isTrue();
        }
    }
}
