package dev.newsflow.client;

import dev.newsflow.schema.RawArticle;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A crawler-side producer of RawArticle records, keyed by article id, acknowledged by all replicas. */
public final class ArticleSender implements AutoCloseable {

    private final KafkaProducer<String, RawArticle> producer;
    private final String topic;

    /**
     * @param clientProperties bootstrap servers and pass-through client settings
     * @param valueSerializer  the project's Avro serializer for RawArticle
     */
    public ArticleSender(Properties clientProperties, Serializer<RawArticle> valueSerializer, String topic) {
        this.producer = new KafkaProducer<>(producerProperties(clientProperties), new StringSerializer(), valueSerializer);
        this.topic = topic;
    }

    /** How a crawler-side producer of articles is set up; for producers of already serialized articles too. */
    public static Properties producerProperties(Properties clientProperties) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return props;
    }

    /** Sends asynchronously; the future completes when the broker has the record. */
    public Future<RecordMetadata> send(RawArticle article) {
        return producer.send(new ProducerRecord<>(topic, article.getId(), article));
    }

    /** Sends asynchronously; {@code callback} hears of the acknowledgement or the failure. */
    public void send(RawArticle article, Callback callback) {
        producer.send(new ProducerRecord<>(topic, article.getId(), article), callback);
    }

    /** Sends and waits for the acknowledgement. */
    public RecordMetadata sendAndWait(RawArticle article) throws InterruptedException, ExecutionException {
        return send(article).get();
    }

    public void flush() {
        producer.flush();
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
