package dev.newsflow.chaos;

import dev.newsflow.registry.WireFormat;
import dev.newsflow.schema.DeadLetter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the enriched and dead-letter topics from the beginning as a downstream read_committed consumer, and
 * tallies which input each record answers: enriched records by their key (the article id), dead letters by
 * the original key they carry (bytes that were no article have no article id).
 */
final class OutputAudit implements AutoCloseable {

    private static final int WIRE_HEADER = 5;

    private final KafkaConsumer<String, byte[]> consumer;
    private final String enrichedTopic;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final SpecificDatumReader<DeadLetter> deadLetterReader = new SpecificDatumReader<>(DeadLetter.class);
    private final Tally tally = new Tally();

    OutputAudit(Properties clientProperties, String enrichedTopic, String deadLetterTopic) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.enrichedTopic = enrichedTopic;
        for (String topic : List.of(enrichedTopic, deadLetterTopic)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what is committed and arrives within {@code timeout}. */
    void poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            if (record.topic().equals(enrichedTopic)) {
                tally.enriched(record.key());
            } else {
                tally.deadLettered(originalKey(record.value()));
            }
        }
    }

    /** Reads until every partition's position reaches {@code ends} (offsets after the last record). */
    void readTo(Map<TopicPartition, Long> ends, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean behind = false;
            for (TopicPartition partition : partitions) {
                behind |= consumer.position(partition) < ends.getOrDefault(partition, 0L);
            }
            if (!behind) {
                return;
            }
            poll(Duration.ofMillis(200));
        }
        throw new IllegalStateException("the output could not be read to its end within " + timeout);
    }

    List<TopicPartition> partitions() {
        return List.copyOf(partitions);
    }

    Tally tally() {
        return tally;
    }

    /**
     * Decodes the dead letter with this build's schema, without asking the registry: the audit must keep
     * reading while a scenario has the registry down, and the application writes with this very schema.
     */
    private String originalKey(byte[] value) {
        if (value == null || value.length <= WIRE_HEADER || value[0] != WireFormat.MAGIC_BYTE) {
            return "(not a dead letter)";
        }
        try {
            DeadLetter letter = deadLetterReader.read(null,
                    DecoderFactory.get().binaryDecoder(value, WIRE_HEADER, value.length - WIRE_HEADER, null));
            ByteBuffer key = letter.getOriginalKey();
            return key == null ? "(no key)" : StandardCharsets.UTF_8.decode(key.duplicate()).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable dead letter", e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
