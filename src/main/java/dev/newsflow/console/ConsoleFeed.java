package dev.newsflow.console;

import dev.newsflow.schema.EnrichedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's own consumer of the enriched and alerts topics, read_committed like any downstream consumer, so the
 * console shows only what exactly-once committed and the topology knows nothing of it. It starts a few records before
 * the end of each partition, so the console has recent articles at once, and never commits offsets.
 */
final class ConsoleFeed implements Runnable {

    /** Receives decoded records on the feed's thread. */
    interface Listener {
        void article(EnrichedArticle article);

        void alert(AlertItem alert);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleFeed.class);
    /** How soon an alerts topic created after start is noticed (the pattern is matched against refreshed metadata). */
    static final Duration TOPIC_DISCOVERY = Duration.ofSeconds(5);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String enrichedTopic;
    private final Deserializer<EnrichedArticle> articles;
    private final Function<byte[], GenericRecord> alerts;
    private final int backfill;
    private final Listener listener;
    /** Where this feed has got to: a rebalance (a new matching topic causes one) must not replay what was shown. */
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private volatile boolean running = true;

    ConsoleFeed(Properties clientProperties, String groupPrefix, String enrichedTopic, String alertsTopic, Deserializer<EnrichedArticle> articles,
                Function<byte[], GenericRecord> alerts, int backfill, Listener listener) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        // A group of its own per instance (every console shows every partition), named after the application so a
        // prefixed ACL on the application id covers it; it never commits, so the broker forgets it once it leaves.
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-console-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) TOPIC_DISCOVERY.toMillis());
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.enrichedTopic = enrichedTopic;
        this.articles = articles;
        this.alerts = alerts;
        this.backfill = backfill;
        this.listener = listener;
        // A pattern, not a list: the alerts topic may not exist yet, and is picked up when it appears.
        consumer.subscribe(Pattern.compile(Pattern.quote(enrichedTopic) + "|" + Pattern.quote(alertsTopic)), new Rewind());
    }

    @Override
    public void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                    handle(record);
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        } catch (RuntimeException e) {
            if (running) {
                LOG.warn("The console's feed stopped: {}", e.toString());
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        try {
            if (record.topic().equals(enrichedTopic)) {
                listener.article(articles.deserialize(record.topic(), record.headers(), record.value()));
            } else {
                listener.alert(AlertItem.decode(AlertItem.key(record.key()), Instant.ofEpochMilli(record.timestamp()).toString(),
                        record.value(), alerts));
            }
        } catch (RuntimeException e) {
            // One unreadable record must not stop the console; the pipeline's own output is checked elsewhere.
            LOG.debug("Console skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
        }
    }

    /** Makes {@link #run} return and close the consumer; safe from any thread. */
    void stop() {
        running = false;
        consumer.wakeup();
    }

    /** New partitions start {@code backfill} records before their end; known ones where this feed left off. */
    private final class Rewind implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                Long known = positions.get(partition);
                consumer.seek(partition, known != null ? known : Math.max(begin.get(partition), end.get(partition) - backfill));
            }
        }
    }
}
