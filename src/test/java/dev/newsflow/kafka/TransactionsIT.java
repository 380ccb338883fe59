package dev.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Exactly-once needs the transaction coordinator, which on one node relies on the RF 1 settings. */
@ExtendWith(SharedKafka.class)
class TransactionsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void readCommittedConsumerSeesOnlyCommittedTransactions(KafkaTestClients kafka) {
        String topic = kafka.createTopic("tx", 2);
        Producer<String, String> producer = kafka.transactionalProducer();

        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, "a", "committed-1"));
        producer.send(new ProducerRecord<>(topic, "b", "committed-2"));
        producer.commitTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, "c", "aborted"));
        producer.flush();
        producer.abortTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, "d", "committed-3"));
        producer.commitTransaction();

        assertThat(values(kafka.readToEnd(topic, TIMEOUT)))
            .containsExactlyInAnyOrder("committed-1", "committed-2", "committed-3");
        // The aborted record did reach the log: read_committed filtered it, nothing simply lost it.
        assertThat(values(kafka.consume(topic, 4, TIMEOUT, new StringDeserializer(), new StringDeserializer(),
            Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted")))).contains("aborted");
    }

    @Test
    void consumeTransformProduceCommitsOffsetsWithTheOutput(KafkaTestClients kafka) throws Exception {
        String input = kafka.createTopic("in", 1);
        String output = kafka.createTopic("out", 1);
        for (int i = 0; i < 3; i++) {
            kafka.send(input, "k" + i, "v" + i);
        }
        Consumer<String, String> consumer = kafka.consumer();
        consumer.subscribe(List.of(input));
        Producer<String, String> producer = kafka.transactionalProducer();

        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        producer.beginTransaction();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum() < 3 && System.nanoTime() < deadline) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
            for (ConsumerRecord<String, String> r : records) {
                producer.send(new ProducerRecord<>(output, r.key(), r.value().toUpperCase()));
                offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            }
        }
        producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        producer.commitTransaction();

        assertThat(values(kafka.readToEnd(output, TIMEOUT))).containsExactly("V0", "V1", "V2");
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.admin()
            .listConsumerGroupOffsets(consumer.groupMetadata().groupId()).partitionsToOffsetAndMetadata().get();
        assertThat(committed.get(new TopicPartition(input, 0)).offset()).isEqualTo(3);
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
