package dev.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class BrokerConfigsTest {

    private final Path logs = Path.of("/tmp/kafka-logs");

    @Test
    void combinedNodeOnLoopbackWithItsOwnQuorum() {
        Properties p = BrokerConfigs.of(logs, 9092, 9093, Duration.ofSeconds(30), Map.of());

        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(p.getProperty("controller.quorum.bootstrap.servers")).isEqualTo("127.0.0.1:9093");
        assertThat(p.getProperty("log.dirs")).isEqualTo(logs.toString());
        assertThat(p.getProperty("server.max.startup.time.ms")).isEqualTo("30000");
    }

    @Test
    void internalTopicsFitOnOneNode() {
        Properties p = BrokerConfigs.of(logs, 1, 2, Duration.ofSeconds(1), Map.of());

        assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(p.getProperty("auto.create.topics.enable")).isEqualTo("false");
        assertThat(p.getProperty("log.cleaner.dedupe.buffer.size")).isEqualTo("8388608");
    }

    @Test
    void extraPropertiesWin() {
        Properties p = BrokerConfigs.of(logs, 1, 2, Duration.ofSeconds(1),
            Map.of("auto.create.topics.enable", "true", "num.io.threads", "2"));

        assertThat(p.getProperty("auto.create.topics.enable")).isEqualTo("true");
        assertThat(p.getProperty("num.io.threads")).isEqualTo("2");
    }
}
