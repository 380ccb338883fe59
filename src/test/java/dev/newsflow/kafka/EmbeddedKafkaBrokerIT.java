package dev.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class EmbeddedKafkaBrokerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void producedRecordIsConsumed(KafkaTestClients kafka) {
        String topic = kafka.createTopic("roundtrip", 1);

        kafka.send(topic, "article-1", "hello");

        assertThat(kafka.consume(topic, 1, TIMEOUT))
            .extracting(ConsumerRecord::key, ConsumerRecord::value)
            .containsExactly(tuple("article-1", "hello"));
    }

    @Test
    void consumerGroupSubscribesAndCommits(KafkaTestClients kafka) throws Exception {
        String topic = kafka.createTopic("group", 2);
        for (int i = 0; i < 4; i++) {
            kafka.send(topic, "k" + i, "v" + i);
        }
        Consumer<String, String> consumer = kafka.consumer();
        consumer.subscribe(List.of(topic));

        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (values.size() < 4 && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(r -> values.add(r.value()));
        }
        consumer.commitSync();

        assertThat(values).containsExactlyInAnyOrder("v0", "v1", "v2", "v3");
        String group = consumer.groupMetadata().groupId();
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.admin()
            .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        assertThat(committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum()).isEqualTo(4);
    }

    @Test
    void sharedBrokerIsRunningOnLoopback() {
        EmbeddedKafkaBroker broker = SharedKafka.broker();

        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.brokerPort());
        assertThat(broker.clusterId()).isNotBlank();
    }
}
