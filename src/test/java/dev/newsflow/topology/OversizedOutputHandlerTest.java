package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.LanguageOnlyEnricher;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.FailureStage;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A refused, too large enriched article becomes a dead letter and processing resumes; other errors still fail. */
class OversizedOutputHandlerTest {

    private static EmbeddedSchemaRegistry registry;
    private static Topics topics;
    private static ProductionExceptionHandler handler;

    @BeforeAll
    static void start() {
        registry = EmbeddedSchemaRegistry.start(0, null);
        topics = Topics.create(NewsflowConfig.defaults().toBuilder().schemaRegistryUrl(registry.url()).build(),
                RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", registry.url())));
        // Configured the way Kafka Streams does it, from the settings the application adds.
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "handler-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.putAll(OversizedOutputHandler.settings(topics));
        handler = new StreamsConfig(props).getConfiguredInstance(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                ProductionExceptionHandler.class);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static ProducerRecord<byte[], byte[]> refusedArticle() {
        ArticlePipeline pipeline = new ArticlePipeline(topics.rawSerde().deserializer(), new LanguageOnlyEnricher(),
                1_048_576, 500_000, Clock.fixed(TopologyHarness.NOW, ZoneOffset.UTC));
        RawArticle raw = RawArticle.newBuilder().setId("big-1").setUrl("https://example.com/a")
                .setSource(new Source("W", null)).setTitle("Talks").setBody("Talks resumed on Monday.")
                .setFetchedAt(TopologyHarness.NOW).build();
        byte[] input = topics.rawSerde().serializer().serialize("news.articles.raw", raw);
        EnrichedArticle article = ((Outcome.Enriched) pipeline.process(
                new InputRecord("news.articles.raw", 2, 41, 5L, null, input), new RecordHeaders())).article();
        return new ProducerRecord<>(topics.enriched(), null, 5L, "big-1".getBytes(),
                topics.enrichedSerde().serializer().serialize(topics.enriched(), article));
    }

    @Test
    void aTooLargeArticleIsDeadLetteredWithItsInputPositionAndProcessingResumes() {
        ProducerRecord<byte[], byte[]> refused = refusedArticle();

        ProductionExceptionHandler.Response response = handler.handleError(context(), refused,
                new RecordTooLargeException("The message is 5242968 bytes when serialized which is larger than 1048576"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
        ProducerRecord<byte[], byte[]> dlq = response.deadLetterQueueRecords().get(0);
        assertThat(dlq.topic()).isEqualTo(topics.deadLetters());
        assertThat(dlq.key()).isEqualTo("big-1".getBytes());
        DeadLetter letter = topics.deadLetterSerde().deserializer().deserialize(dlq.topic(), dlq.value());
        assertThat(letter.getErrorCode()).isEqualTo("output-too-large");
        assertThat(letter.getStage()).isEqualTo(FailureStage.OTHER);
        assertThat(letter.getArticleId()).isEqualTo("big-1");
        assertThat(letter.getSourceTopic()).isEqualTo("news.articles.raw");
        assertThat(letter.getSourcePartition()).isEqualTo(2);
        assertThat(letter.getSourceOffset()).isEqualTo(41);
        assertThat(letter.getReason()).contains("refused by topic news.articles.enriched").contains("5242968");
        assertThat(letter.getExceptionClass()).isEqualTo(RecordTooLargeException.class.getName());
    }

    @Test
    void otherProductionErrorsStillFailTheThread() {
        assertThat(handler.handleError(context(), refusedArticle(), new TimeoutException("slow")).result())
                .isEqualTo(ProductionExceptionHandler.Result.FAIL);
    }

    @Test
    void aRefusedDeadLetterIsNotDeadLetteredAgain() {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topics.deadLetters(), new byte[0], new byte[10]);

        ProductionExceptionHandler.Response response = handler.handleError(context(), letter,
                new RecordTooLargeException("too large"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            public String topic() { return "news.articles.raw"; }
            public int partition() { return 0; }
            public long offset() { return 99; }
            public Headers headers() { return new RecordHeaders(); }
            public String processorNodeId() { return "enriched-articles"; }
            public TaskId taskId() { return new TaskId(0, 0); }
            public long timestamp() { return 5L; }
            public byte[] sourceRawKey() { return null; }
            public byte[] sourceRawValue() { return null; }
        };
    }
}
