package dev.newsflow.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** What a topic should look like: name, partitions, replication factor and topic-level configs. */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    /** Replication factor that leaves the choice to the broker's {@code default.replication.factor}. */
    public static final short BROKER_DEFAULT_REPLICATION = -1;

    // Kafka's own rule (kafka-clients keeps its validator in an internal package).
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        // Fail at configuration time, with the name, rather than as an InvalidTopicException from the broker.
        if (!LEGAL_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("illegal topic name '" + name + "': use 1-249 of [a-zA-Z0-9._-]");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": partitions must be >= 1, was " + partitions);
        }
        if (replicationFactor < 1 && replicationFactor != BROKER_DEFAULT_REPLICATION) {
            throw new IllegalArgumentException(name + ": replication factor must be >= 1 or -1 (broker default), was "
                    + replicationFactor);
        }
        configs = Map.copyOf(configs);
    }

    /** A delete-policy topic with broker-default configs. */
    public static TopicSpec of(String name, int partitions, short replicationFactor) {
        return new TopicSpec(name, partitions, replicationFactor, Map.of());
    }

    /** A compacted topic, e.g. one read as a (global) table, where only the latest value per key matters. */
    public static TopicSpec compacted(String name, int partitions, short replicationFactor) {
        return new TopicSpec(name, partitions, replicationFactor,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** A copy with one more (or a replaced) topic config. */
    public TopicSpec withConfig(String key, String value) {
        Map<String, String> merged = new LinkedHashMap<>(configs);
        merged.put(key, value);
        return new TopicSpec(name, partitions, replicationFactor, merged);
    }

    public boolean isCompacted() {
        return configs.getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, "").contains(TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    NewTopic toNewTopic() {
        Optional<Short> replication = replicationFactor == BROKER_DEFAULT_REPLICATION
                ? Optional.empty() : Optional.of(replicationFactor);
        return new NewTopic(name, Optional.of(partitions), replication).configs(configs);
    }
}
