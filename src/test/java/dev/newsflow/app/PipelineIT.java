package dev.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.LanguageOnlyEnricher;
import dev.newsflow.kafka.KafkaTestClients;
import dev.newsflow.kafka.SharedKafka;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole application on a real KRaft broker and a real (in-process) registry over HTTP. */
@ExtendWith(SharedKafka.class)
class PipelineIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static EmbeddedSchemaRegistry registry;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startRegistry() {
        registry = EmbeddedSchemaRegistry.start(0, null);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void goodArticlesAreEnrichedAndBadRecordsDeadLetteredWhileGoodOnesKeepFlowing(KafkaTestClients clients) throws Exception {
        PipelineFixture fixture = new PipelineFixture(clients, registry.url(), stateDir);
        try (NewsflowApplication app = NewsflowApplication.start(fixture.config, LanguageOnlyEnricher::new)) {
            assertThat(app.awaitRunning(TIMEOUT)).isTrue();
            Producer<byte[], byte[]> producer = fixture.rawProducer();
            byte[] notAvro = "{\"id\":\"json-1\",\"title\":\"raw json\"}".getBytes();
            fixture.send(producer, "a-1", fixture.serialize(PipelineFixture.article("a-1")));
            fixture.send(producer, "json-1", notAvro);
            fixture.send(producer, "a-2", fixture.serialize(PipelineFixture.article("a-2")));
            fixture.send(producer, "bad-url", fixture.serialize(dev.newsflow.schema.RawArticle.newBuilder(PipelineFixture.article("bad-url")).setUrl("nope").build()));
            fixture.send(producer, "a-3", fixture.serialize(PipelineFixture.article("a-3")));
            producer.flush();

            List<ConsumerRecord<String, EnrichedArticle>> enriched = fixture.enriched(3, TIMEOUT);
            List<ConsumerRecord<String, DeadLetter>> letters = fixture.deadLetters(2, TIMEOUT);

            assertThat(enriched).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("a-1", "a-2", "a-3");
            assertThat(enriched).allSatisfy(r -> {
                assertThat(r.value().getId()).isEqualTo(r.key());
                assertThat(r.value().getLanguage().getCode()).isEqualTo("en");
                assertThat(r.value().getCanonicalUrl()).startsWith("https://example.com/world/");
                assertThat(r.value().getProvenance().getSourceTopic()).isEqualTo(fixture.rawTopic());
            });
            assertThat(letters).extracting(r -> r.value().getErrorCode()).containsExactlyInAnyOrder("bad-magic-byte", "invalid-url");
            DeadLetter json = letters.stream().map(ConsumerRecord::value)
                    .filter(l -> l.getErrorCode().equals("bad-magic-byte")).findFirst().orElseThrow();
            assertThat(json.getOriginalValue()).isEqualTo(ByteBuffer.wrap(notAvro));
            assertThat(json.getOriginalKey()).isEqualTo(ByteBuffer.wrap("json-1".getBytes()));
            assertThat(json.getReason()).contains("0x7b");

            HttpResponse<String> health = get(app, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");
            assertThat(get(app, "/health/live").statusCode()).isEqualTo(200);
            HttpResponse<String> ready = get(app, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"streams\":\"RUNNING\"");

            String metrics = get(app, "/metrics").body();
            // At least: a record whose transaction aborted is processed, and counted, again.
            assertThat(value(metrics, "newsflow_articles_enriched_total")).isGreaterThanOrEqualTo(3);
            assertThat(value(metrics, "newsflow_articles_in_total")).isGreaterThanOrEqualTo(5);
            assertThat(value(metrics, "newsflow_articles_dead_lettered_total{error_code=\"bad-magic-byte\"}")).isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "newsflow_enrichment_latency_seconds_count{outcome=\"enriched\"}")).isGreaterThanOrEqualTo(3);
            assertThat(metrics).contains("newsflow_enricher_versions{")
                    .contains("kafka_stream_alive_stream_threads{").contains("kafka_stream_thread_process_total{");
        }
    }

    private static HttpResponse<String> get(NewsflowApplication app, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.healthPort() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one Prometheus series, by its name and labels as printed. */
    private static double value(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .orElseThrow(() -> new AssertionError(series + " missing from /metrics"));
    }

    @Test
    void aRestartMidStreamLosesNothingAndDuplicatesNothing(KafkaTestClients clients) throws Exception {
        PipelineFixture fixture = new PipelineFixture(clients, registry.url(), stateDir);
        int total = 400;
        Producer<byte[], byte[]> producer = fixture.rawProducer();
        NewsflowApplication first = NewsflowApplication.start(fixture.config, LanguageOnlyEnricher::new);
        assertThat(first.awaitRunning(TIMEOUT)).isTrue();
        for (int i = 0; i < total / 2; i++) {
            fixture.send(producer, null, fixture.serialize(PipelineFixture.article("r-" + i)));
        }
        producer.flush();
        // Stop while the first half is still being processed, then send the second half while it is down.
        fixture.enriched(20, TIMEOUT);
        first.close();
        for (int i = total / 2; i < total; i++) {
            fixture.send(producer, null, fixture.serialize(PipelineFixture.article("r-" + i)));
        }
        producer.flush();

        try (NewsflowApplication second = NewsflowApplication.start(fixture.config, LanguageOnlyEnricher::new)) {
            assertThat(second.awaitRunning(TIMEOUT)).isTrue();
            List<ConsumerRecord<String, EnrichedArticle>> enriched = fixture.enriched(total, TIMEOUT);

            List<String> ids = enriched.stream().map(ConsumerRecord::key).toList();
            Set<String> distinct = new HashSet<>(ids);
            assertThat(ids).hasSize(total);
            assertThat(distinct).hasSize(total);
            assertThat(distinct).isEqualTo(java.util.stream.IntStream.range(0, total).mapToObj(i -> "r-" + i)
                    .collect(Collectors.toSet()));
        }
        // Nothing beyond the expected records: read the whole topic to its end.
        assertThat(clients.readToEnd(fixture.config.outputTopic(), TIMEOUT)).hasSize(total);
    }
}
