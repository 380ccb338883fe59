package dev.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.kafka.KafkaTestClients;
import dev.newsflow.kafka.SharedKafka;
import dev.newsflow.registry.SharedRegistry;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import dev.newsflow.topology.TaggingEnricher;
import dev.newsflow.topology.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trends on a real broker with two instances of one application (own HTTP ports and state directories): every
 * topic's time series asked of either instance comes back right, including the keys the other instance owns, which
 * are forwarded to it through the application.server metadata.
 */
@ExtendWith(SharedKafka.class)
class TrendsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOPICS = 6;

    @TempDir
    Path stateA;
    @TempDir
    Path stateB;

    private final HttpClient http = HttpClient.newHttpClient();

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static RawArticle article(String id, String title, Instant published) {
        return RawArticle.newBuilder().setId(id).setUrl("https://example.com/trends/" + id)
                .setSource(new Source("Example Wire", null)).setTitle(title)
                .setBody("Report " + id + " on the matter, with details.").setPublishedAt(published)
                .setFetchedAt(Instant.now()).build();
    }

    private HttpResponse<String> get(int port, String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eitherInstanceAnswersForEveryKeyForwardingToItsOwner(KafkaTestClients clients) throws Exception {
        PipelineFixture fixture = new PipelineFixture(clients, SharedRegistry.url(), stateA);
        int portA = freePort();
        int portB = freePort();
        NewsflowConfig configA = fixture.config.toBuilder().httpPort(portA).build();
        NewsflowConfig configB = fixture.config.toBuilder().httpPort(portB).stateDir(stateB).build();
        Instant window = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
        String range = "?from=" + window.minus(Duration.ofHours(1)) + "&to=" + window;

        // The test enricher's topics need their per-topic streams, as a taxonomy's would get.
        NewsflowApplication.provisionTopics(configA, Topics.create(configA, fixture.registry),
                List.of("t0", "t1", "t2", "t3", "t4", "t5", "all"));

        try (NewsflowApplication a = NewsflowApplication.start(configA, TaggingEnricher::new);
             NewsflowApplication b = NewsflowApplication.start(configB, TaggingEnricher::new)) {
            assertThat(a.awaitRunning(TIMEOUT)).isTrue();
            assertThat(b.awaitRunning(TIMEOUT)).isTrue();
            Producer<byte[], byte[]> producer = fixture.rawProducer();
            // Topic t<i> is named by i + 1 articles, all in one window; every article also names entity e<i % 2>.
            int sent = 0;
            for (int i = 0; i < TOPICS; i++) {
                for (int j = 0; j <= i; j++) {
                    String id = "t" + i + "-" + j;
                    fixture.send(producer, id, fixture.serialize(article(id, "#t" + i + " #all @e" + (j % 2),
                            window.plus(Duration.ofMinutes(i * 5L + j)))));
                    sent++;
                }
            }
            producer.flush();
            assertThat(fixture.enriched(sent, TIMEOUT)).hasSize(sent);

            // Until both instances own part of the keys (B's joining rebalances the group), ask both for every key.
            Set<String> servers = new HashSet<>();
            Map<String, Long> counts = new HashMap<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (servers.size() < 2 && System.nanoTime() < deadline) {
                servers.clear();
                for (int port : new int[] {portA, portB}) {
                    for (int i = 0; i < TOPICS; i++) {
                        HttpResponse<String> response = get(port, "/api/trends/topic/t" + i + range);
                        if (response.statusCode() == 503) {
                            assertThat(response.headers().firstValue("Retry-After")).isPresent();
                            continue;
                        }
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                        JsonNode body = JSON.readTree(response.body());
                        servers.add(body.get("servedBy").asText());
                        counts.put("t" + i, body.get("points").get(0).get("count").asLong());
                        assertThat(body.get("points").get(0).get("start").asText()).isEqualTo(window.toString());
                    }
                }
                Thread.sleep(200);
            }
            assertThat(servers).as("keys served by both instances").containsExactlyInAnyOrder(
                    "127.0.0.1:" + portA, "127.0.0.1:" + portB);
            for (int i = 0; i < TOPICS; i++) {
                assertThat(counts).containsEntry("t" + i, (long) i + 1);
            }

            HttpResponse<String> top = get(portB, "/api/trends/topic/all/top-entities?window=" + window);
            assertThat(top.statusCode()).as(top.body()).isEqualTo(200);
            JsonNode entities = JSON.readTree(top.body()).get("entities");
            // 21 articles: j even names e0 (12 of them), j odd e1 (9).
            assertThat(entities.get(0).get("entityId").asText()).isEqualTo("e0");
            assertThat(entities.get(0).get("count").asLong()).isEqualTo(12);
            assertThat(entities.get(1).get("count").asLong()).isEqualTo(9);

            HttpResponse<String> entity = get(portA, "/api/trends/entity/e1" + range);
            assertThat(JSON.readTree(entity.body()).get("points").get(0).get("count").asLong()).isEqualTo(9);
        }
    }
}
