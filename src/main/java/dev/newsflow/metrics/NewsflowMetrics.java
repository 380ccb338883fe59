package dev.newsflow.metrics;

import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Provenance;
import dev.newsflow.schema.TopicTag;
import dev.newsflow.topology.PipelineMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;

/**
 * newsflow's meters on a Prometheus registry: articles in, enriched and dead-lettered (by error code), topic
 * tags, pipeline latency, the versions of rules and models in use, plus the Kafka Streams client and the JVM.
 * Counters count processing attempts: under exactly-once a record whose transaction aborted is counted again.
 */
public final class NewsflowMetrics implements PipelineMetrics, AutoCloseable {

    /** The names as Prometheus shows them, for dashboards, alerts and tests. */
    public static final String ARTICLES_IN = "newsflow_articles_in_total";
    public static final String ENRICHED = "newsflow_articles_enriched_total";
    public static final String DEAD_LETTERED = "newsflow_articles_dead_lettered_total";
    public static final String TOPIC_TAGS = "newsflow_topic_tags_total";
    public static final String LATENCY = "newsflow_enrichment_latency_seconds";
    public static final String VERSIONS = "newsflow_enricher_versions";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter articlesIn = Counter.builder("newsflow.articles.in")
            .description("Input records processed (enriched plus dead-lettered)").register(registry);
    private final Counter enriched = Counter.builder("newsflow.articles.enriched")
            .description("Input records that became enriched articles").register(registry);
    private final Timer enrichedLatency = latency("enriched");
    private final Timer deadLetterLatency = latency("dead-lettered");
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();
    private final Map<String, Counter> topicTags = new ConcurrentHashMap<>();
    private final MultiGauge versions = MultiGauge.builder("newsflow.enricher.versions")
            .description("1, tagged with the pipeline, taxonomy, knowledge-base and NER model versions in use")
            .register(registry);
    private final AtomicReference<List<String>> currentVersions = new AtomicReference<>(List.of());
    private KafkaStreamsMetrics streamsMetrics;

    public NewsflowMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    private Timer latency(String outcome) {
        // Histogram buckets rather than client-side percentiles: buckets aggregate across instances
        // (histogram_quantile in PromQL); the range fits per-article work, sub-millisecond to seconds.
        return Timer.builder("newsflow.enrichment.latency")
                .description("Time from raw bytes to enriched article or dead letter (decode, validate, normalise, enrich, map)")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** Adds the streams client's own metrics (threads, tasks, consumer, producer); they refresh as tasks move. */
    public synchronized void bindStreams(KafkaStreams streams) {
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
    }

    /** Sets the versions gauge; enriched articles update it too, so a rules reload shows without a restart. */
    public void versions(String pipeline, String taxonomy, String knowledgeBase, String nerModel) {
        List<String> next = List.of(pipeline, taxonomy, knowledgeBase, nerModel);
        if (!next.equals(currentVersions.getAndSet(next))) {
            versions.register(List.of(MultiGauge.Row.of(Tags.of("pipeline", pipeline, "taxonomy", taxonomy,
                    "knowledge_base", knowledgeBase, "ner_model", nerModel), 1)), true);
        }
    }

    @Override
    public void enriched(EnrichedArticle article, long nanos) {
        articlesIn.increment();
        enriched.increment();
        enrichedLatency.record(nanos, TimeUnit.NANOSECONDS);
        for (TopicTag topic : article.getTopics()) {
            topicTags.computeIfAbsent(topic.getId(), id -> Counter.builder("newsflow.topic.tags")
                    .description("Enriched articles tagged with this topic").tag("topic", id).register(registry))
                    .increment();
        }
        Provenance p = article.getProvenance();
        versions(p.getPipelineVersion(), p.getTaxonomyVersion(), p.getKnowledgeBaseVersion(), p.getNerModelVersion());
    }

    @Override
    public void deadLettered(DeadLetter letter, long nanos) {
        articlesIn.increment();
        deadLetterLatency.record(nanos, TimeUnit.NANOSECONDS);
        deadLettered.computeIfAbsent(letter.getErrorCode(), code -> Counter.builder("newsflow.articles.dead.lettered")
                .description("Input records that became dead letters, by error code (docs/CONTRACTS.md)")
                .tag("error_code", code).register(registry)).increment();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public synchronized void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        registry.close();
    }
}
