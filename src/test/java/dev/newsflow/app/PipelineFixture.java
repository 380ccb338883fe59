package dev.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.cli.NewsflowCli;
import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.kafka.KafkaTestClients;
import dev.newsflow.registry.AvroSerde;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.registry.SchemaRegistryClient;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine;

/** A newsflow configuration on unique topics of the shared test broker, with clients to feed and read it. */
final class PipelineFixture {

    final KafkaTestClients clients;
    final NewsflowConfig config;
    final SchemaRegistryClient registry;

    PipelineFixture(KafkaTestClients clients, String registryUrl, Path stateDir) {
        this(clients, registryUrl, stateDir, NewsflowConfig.KeyFormat.STRING);
    }

    PipelineFixture(KafkaTestClients clients, String registryUrl, Path stateDir, NewsflowConfig.KeyFormat keyFormat) {
        this.clients = clients;
        this.config = NewsflowConfig.defaults().toBuilder()
                .applicationId(clients.uniqueName("app"))
                .bootstrapServers(clients.bootstrapServers())
                .schemaRegistryUrl(registryUrl)
                .inputTopics(List.of(clients.uniqueName("raw")))
                .outputTopic(clients.uniqueName("enriched"))
                .errorTopic(clients.uniqueName("dlq"))
                .rulesTopic(clients.uniqueName("rules"))
                .kbTopic(clients.uniqueName("kb"))
                .subscriptionsTopic(clients.uniqueName("subscriptions"))
                .alertsTopic(clients.uniqueName("alerts"))
                .topicStreamPattern(clients.uniqueName("topic") + ".{topic}")
                .partitions(2)
                .replicationFactor((short) 1)
                .keyFormat(keyFormat)
                .stateDir(stateDir)
                .httpPort(0)
                .clientConfig(Map.of("commit.interval.ms", "100"))
                .build();
        this.registry = RestSchemaRegistryClient.fromConfig(ClientProperties.serde(config));
    }

    String rawTopic() {
        return config.inputTopics().get(0);
    }

    static RawArticle article(String id) {
        return RawArticle.newBuilder()
                .setId(id)
                .setUrl("https://www.example.com/world/" + id)
                .setSource(new Source("Example Wire", null))
                .setTitle("Ministers meet to discuss shipping routes " + id)
                .setBody("Officials from several governments met on Tuesday to discuss the routes, the officials said.\n\n"
                        + "They agreed that the talks would continue next month and that the teams would meet again.")
                .setFetchedAt(Instant.now())
                .build();
    }

    byte[] serialize(RawArticle article) {
        return AvroSerde.specific(RawArticle.class, registry, ClientProperties.serde(config), false)
                .serializer().serialize(rawTopic(), article);
    }

    /** A plain byte producer: lets tests send good Avro and garbage through the same client. */
    Producer<byte[], byte[]> rawProducer() {
        return clients.producer(new ByteArraySerializer(), new ByteArraySerializer(), Map.of());
    }

    void send(Producer<byte[], byte[]> producer, String key, byte[] value) {
        producer.send(new ProducerRecord<>(rawTopic(), key == null ? null : key.getBytes(), value));
    }

    List<ConsumerRecord<String, EnrichedArticle>> enriched(int count, Duration timeout) {
        return clients.consume(config.outputTopic(), count, timeout, keys(),
                AvroSerde.specific(EnrichedArticle.class, registry, ClientProperties.serde(config), false).deserializer());
    }

    List<ConsumerRecord<String, DeadLetter>> deadLetters(int count, Duration timeout) {
        return clients.consume(config.errorTopic(), count, timeout, keys(),
                AvroSerde.specific(DeadLetter.class, registry, ClientProperties.serde(config), false).deserializer());
    }

    /** A read_committed consumer of enriched articles from {@code topic}, for tests that poll as they go. */
    Consumer<String, EnrichedArticle> enrichedConsumer(String topic) {
        Consumer<String, EnrichedArticle> consumer = clients.consumer(keys(),
                AvroSerde.specific(EnrichedArticle.class, registry, ClientProperties.serde(config), false).deserializer(),
                Map.of());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Runs {@code newsflow subscriptions ARGS} against the test broker; fails unless it exits 0; returns its output. */
    String subscriptionsCli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = NewsflowCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        List<String> all = new ArrayList<>(List.of("subscriptions"));
        all.addAll(List.of(args));
        all.addAll(List.of("--bootstrap-servers", config.bootstrapServers()));
        int exit = commandLine.execute(all.toArray(String[]::new));
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }

    private Deserializer<String> keys() {
        return new StringDeserializer();
    }
}
