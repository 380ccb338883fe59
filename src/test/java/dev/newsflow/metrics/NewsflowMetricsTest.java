package dev.newsflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.Document;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.EnricherVersions;
import dev.newsflow.enrich.Enrichment;
import dev.newsflow.enrich.LanguageOnlyEnricher;
import dev.newsflow.enrich.topics.TopicMatch;
import dev.newsflow.registry.SharedRegistry;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import dev.newsflow.topology.NewsflowTopology;
import dev.newsflow.topology.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** The topology reports each outcome where it decides it; the Prometheus scrape shows newsflow's own meters. */
class NewsflowMetricsTest {


    /** Tags "sanctions" on every article and "drones" when the body names drones. */
    private static final class TaggingEnricher implements Enricher {
        private final LanguageOnlyEnricher language = new LanguageOnlyEnricher();

        @Override
        public Enrichment enrich(Document document) {
            List<TopicMatch> topics = new ArrayList<>(List.of(new TopicMatch("sanctions", 0.9, List.of())));
            if (document.text().contains("drones")) {
                topics.add(new TopicMatch("drones", 0.8, List.of()));
            }
            return new Enrichment(language.enrich(document).language(), List.of(), topics);
        }

        @Override
        public EnricherVersions versions() {
            return new EnricherVersions("topics-7", "kb-3", "none");
        }
    }

    private static RawArticle article(String id, String body) {
        return RawArticle.newBuilder().setId(id).setUrl("https://example.com/" + id)
                .setSource(new Source("Example", null)).setTitle("Title " + id)
                .setBody(body).setFetchedAt(Instant.parse("2026-11-28T09:00:00Z")).build();
    }

    @Test
    void outcomesTagsLatencyAndVersionsAreCountedWhereThePipelineDecides() {
        NewsflowConfig config = NewsflowConfig.defaults().toBuilder().schemaRegistryUrl(SharedRegistry.url()).build();
        Topics topics = Topics.create(config, RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", SharedRegistry.url())));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (NewsflowMetrics metrics = new NewsflowMetrics();
             TopologyTestDriver driver = new TopologyTestDriver(NewsflowTopology.build(config, topics, TaggingEnricher::new,
                     Clock.systemUTC(), metrics), props)) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic(config.inputTopics().get(0),
                    new ByteArraySerializer(), new ByteArraySerializer());
            var serializer = topics.rawSerde().serializer();

            input.pipeInput(null, serializer.serialize("t", article("a", "Officials said the talks would go on.")));
            input.pipeInput(null, serializer.serialize("t", article("b", "Officials said drones flew over the city.")));
            input.pipeInput(null, "{\"not\":\"avro\"}".getBytes());
            input.pipeInput(null, serializer.serialize("t", RawArticle.newBuilder(article("c", "x")).setUrl("not a url").build()));
            input.pipeInput(null, "{\"other\":\"json\"}".getBytes());

            String scrape = metrics.scrape();
            assertThat(scrape)
                    .contains(NewsflowMetrics.ARTICLES_IN + " 5.0")
                    .contains(NewsflowMetrics.ENRICHED + " 2.0")
                    .contains(NewsflowMetrics.DEAD_LETTERED + "{error_code=\"bad-magic-byte\"} 2.0")
                    .contains(NewsflowMetrics.DEAD_LETTERED + "{error_code=\"invalid-url\"} 1.0")
                    .contains(NewsflowMetrics.TOPIC_TAGS + "{topic=\"sanctions\"} 2.0")
                    .contains(NewsflowMetrics.TOPIC_TAGS + "{topic=\"drones\"} 1.0")
                    .contains(NewsflowMetrics.LATENCY + "_count{outcome=\"enriched\"} 2")
                    .contains(NewsflowMetrics.LATENCY + "_count{outcome=\"dead-lettered\"} 3")
                    .contains(NewsflowMetrics.LATENCY + "_bucket{outcome=\"enriched\",le=\"+Inf\"} 2")
                    .contains(NewsflowMetrics.LATENCY + "_bucket{outcome=\"enriched\",le=\"1.0E-4\"} 0")
                    .containsPattern(NewsflowMetrics.VERSIONS
                            + "\\{knowledge_base=\"kb-3\",ner_model=\"none\",pipeline=\"[^\"]+\",taxonomy=\"topics-7\"\\} 1.0")
                    .contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void aNewTaxonomyVersionReplacesTheOldGaugeRow() {
        try (NewsflowMetrics metrics = new NewsflowMetrics()) {
            metrics.versions("dev", "topics-1", "kb-1", "none");
            metrics.versions("dev", "topics-2", "kb-1", "none");

            assertThat(metrics.scrape()).contains("taxonomy=\"topics-2\"").doesNotContain("taxonomy=\"topics-1\"");
        }
    }
}
