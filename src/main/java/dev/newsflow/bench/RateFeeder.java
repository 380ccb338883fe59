package dev.newsflow.bench;

import dev.newsflow.client.ArticleSender;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Offers articles at a fixed rate: the preloaded records, already Avro, are sent again (from the start once they
 * run out) to a fresh input topic. Re-sending bytes keeps file parsing and serialisation out of the measurement.
 * Each record gets the producer's timestamp at send time, which latency is measured from.
 */
final class RateFeeder implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> source;
    private final List<TopicPartition> sourcePartitions;
    private final long sourceCount;
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Deque<ConsumerRecord<byte[], byte[]>> buffer = new ArrayDeque<>();
    private long read;

    RateFeeder(Properties clientProperties, Preloaded preloaded, String topic) {
        Properties consumerProps = new Properties();
        consumerProps.putAll(clientProperties);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.source = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.sourcePartitions = source.partitionsFor(preloaded.topic(), Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(preloaded.topic(), info.partition())).toList();
        source.assign(sourcePartitions);
        source.seekToBeginning(sourcePartitions);
        this.sourceCount = preloaded.count();
        this.producer = new KafkaProducer<>(ArticleSender.producerProperties(clientProperties),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /**
     * Sends {@code count} records at {@code perSecond}, on a fixed schedule: a late send is followed by the next
     * ones as soon as possible, so the average rate holds. Returns once all were sent and acknowledged.
     */
    void send(long count, int perSecond) {
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = start + i * 1_000_000_000L / perSecond;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            ConsumerRecord<byte[], byte[]> next = next();
            producer.send(new ProducerRecord<>(topic, next.key(), next.value()));
        }
        producer.flush();
    }

    private ConsumerRecord<byte[], byte[]> next() {
        while (buffer.isEmpty()) {
            if (read == sourceCount) {
                source.seekToBeginning(sourcePartitions);
                read = 0;
            }
            source.poll(Duration.ofMillis(100)).forEach(buffer::add);
            read += buffer.size();
        }
        return buffer.poll();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        source.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
