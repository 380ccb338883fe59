package dev.newsflow.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** Builds the properties of a single-node combined broker+controller on loopback. */
final class BrokerConfigs {

    static final int NODE_ID = 1;
    static final String HOST = "127.0.0.1";

    private BrokerConfigs() {
    }

    static Properties of(Path logDir, int brokerPort, int controllerPort, Duration startTimeout,
                         Map<String, String> extra) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        // Dynamic quorum (KIP-853): what `format --standalone` expects instead of controller.quorum.voters.
        p.put("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
        p.put("log.dirs", logDir.toString());

        // One node: every internal topic must fit on it, and there is nobody to wait for.
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are provisioned explicitly (TopicProvisioner); a typo must fail, not create a topic.
        p.put("auto.create.topics.enable", "false");

        // The cleaner's default 128 MiB dedupe buffer would be most of a small test heap.
        p.put("log.cleaner.dedupe.buffer.size", "8388608");
        // Index files are preallocated at their maximum size; keep segments and indexes small.
        p.put("log.segment.bytes", "16777216");
        p.put("log.index.size.max.bytes", "1048576");
        p.put("offsets.topic.segment.bytes", "16777216");
        p.put("transaction.state.log.segment.bytes", "16777216");
        // Let Kafka give up on its own instead of blocking start() forever.
        p.put("server.max.startup.time.ms", String.valueOf(startTimeout.toMillis()));

        p.putAll(extra);
        return p;
    }
}
