package dev.newsflow.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** Reads a whole topic from its beginning with manual assignment, so no group rebalance slows tests. */
final class TopicReader<K, V> {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Consumer<K, V> consumer;
    private final String topic;
    private final List<TopicPartition> partitions;

    TopicReader(Consumer<K, V> consumer, String topic) {
        this.consumer = consumer;
        this.topic = topic;
        this.partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    List<ConsumerRecord<K, V>> read(int count, Duration timeout) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " records from " + topic + " within " + timeout
                    + " but got " + records.size() + ": " + records);
            }
            consumer.poll(POLL).forEach(records::add);
        }
        return List.copyOf(records.subList(0, count));
    }

    List<ConsumerRecord<K, V>> readToEnd(Duration timeout) {
        // For a read_committed consumer the end offsets are the last stable offsets.
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(end)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("did not reach the end " + end + " of " + topic + " within " + timeout
                    + "; got " + records.size() + " records");
            }
            consumer.poll(POLL).forEach(records::add);
        }
        return records;
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
