package dev.newsflow.client;

import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads newsflow's committed output (enriched articles and dead letters) as a downstream consumer would,
 * with read_committed isolation so aborted exactly-once transactions never show.
 */
public final class OutputTailer implements AutoCloseable {

    /** Receives what the tailer reads; {@code latencyMillis} is now minus the record's (producer) timestamp. */
    public interface Listener {
        void enriched(EnrichedArticle article, ConsumerRecord<String, byte[]> record, long latencyMillis);

        void deadLetter(DeadLetter letter, ConsumerRecord<String, byte[]> record);
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final String enrichedTopic;
    private final Deserializer<EnrichedArticle> enrichedDeserializer;
    private final Deserializer<DeadLetter> deadLetterDeserializer;
    private volatile boolean running = true;

    public OutputTailer(Properties clientProperties, String enrichedTopic, String deadLetterTopic,
                        Deserializer<EnrichedArticle> enrichedDeserializer,
                        Deserializer<DeadLetter> deadLetterDeserializer, boolean fromBeginning) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-tail-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.enrichedTopic = enrichedTopic;
        this.enrichedDeserializer = enrichedDeserializer;
        this.deadLetterDeserializer = deadLetterDeserializer;
        List<String> topics = deadLetterTopic == null ? List.of(enrichedTopic) : List.of(enrichedTopic, deadLetterTopic);
        consumer.subscribe(topics);
    }

    /** Polls until {@link #stop()}, {@code maxRecords} records were seen, or {@code idleTimeout} passes with none. */
    public int run(Listener listener, int maxRecords, Duration idleTimeout) {
        int seen = 0;
        long lastRecord = System.nanoTime();
        try {
            while (running && seen < maxRecords) {
                var records = consumer.poll(Duration.ofMillis(200));
                long now = System.currentTimeMillis();
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (seen >= maxRecords) {
                        break;
                    }
                    if (record.topic().equals(enrichedTopic)) {
                        listener.enriched(enrichedDeserializer.deserialize(record.topic(), record.headers(), record.value()),
                                record, now - record.timestamp());
                    } else {
                        listener.deadLetter(deadLetterDeserializer.deserialize(record.topic(), record.headers(), record.value()), record);
                    }
                    seen++;
                    lastRecord = System.nanoTime();
                }
                if (idleTimeout != null && System.nanoTime() - lastRecord > idleTimeout.toNanos()) {
                    break;
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // stop() was called
        }
        return seen;
    }

    /** Makes {@link #run} return; safe from any thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
