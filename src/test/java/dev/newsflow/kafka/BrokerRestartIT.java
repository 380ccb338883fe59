package dev.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Brokers of its own, not the shared one: these tests stop them. */
class BrokerRestartIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @BeforeAll
    static void quiet() {
        KafkaTestLogging.quietBroker();
    }

    @Test
    void restartOnTheSameDataDirectoryKeepsTopicsAndData() {
        String topic;
        String clusterId;
        int port;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).start();
             KafkaTestClients kafka = new KafkaTestClients(broker.bootstrapServers(), TestNames.prefix("restart"))) {
            log("first start", broker.lastStartupTime());
            clusterId = broker.clusterId();
            port = broker.brokerPort();
            topic = kafka.createTopic(TopicSpec.compacted(kafka.uniqueName("kept"), 2, (short) 1));
            kafka.send(topic, "a", "1");
            kafka.send(topic, "b", "2");

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.start();
            log("restart, same instance", broker.lastStartupTime());

            // The producer from before the restart reconnects to the same port by itself.
            kafka.send(topic, "c", "3");
            assertThat(values(kafka.readToEnd(topic, TIMEOUT))).containsExactlyInAnyOrder("1", "2", "3");
            assertThat(broker.brokerPort()).isEqualTo(port);
        }

        // A new process in local mode: a new instance on the same directory and port.
        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.builder().dataDir(dataDir).brokerPort(port).start();
             KafkaTestClients kafka = new KafkaTestClients(again.bootstrapServers(), TestNames.prefix("restart"))) {
            log("restart, new instance", again.lastStartupTime());
            assertThat(again.clusterId()).isEqualTo(clusterId);
            assertThat(again.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            assertThat(values(kafka.readToEnd(topic, TIMEOUT))).containsExactlyInAnyOrder("1", "2", "3");
        }
    }

    @Test
    void temporaryDataDirectoryIsDeletedOnClose() {
        Path dir;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().start()) {
            dir = broker.dataDir();
            assertThat(dir).isDirectory();
        }
        assertThat(Files.exists(dir)).isFalse();
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static void log(String what, Duration took) {
        System.out.printf("[BrokerRestartIT] %s: broker ready in %d ms%n", what, took.toMillis());
    }
}
