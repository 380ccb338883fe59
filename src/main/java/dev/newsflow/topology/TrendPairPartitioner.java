package dev.newsflow.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions (topic, entity) pair keys by their topic alone, as the default partitioner would partition the topic id,
 * so every entity count of one topic lives in one task. Queries locate that task with the same partitioner.
 */
public final class TrendPairPartitioner<V> implements StreamPartitioner<String, V> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        byte[] bytes = TrendKey.pairTopic(key).getBytes(StandardCharsets.UTF_8);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(bytes)) % numPartitions));
    }
}
