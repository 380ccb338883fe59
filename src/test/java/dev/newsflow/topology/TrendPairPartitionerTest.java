package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** Pairs of one topic, and the query's prefix key, land where the topic id alone would, for any partition count. */
class TrendPairPartitionerTest {

    private static int defaultPartition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Test
    void everyPairOfATopicAndItsQueryKeyShareTheTopicsPartition() {
        TrendPairPartitioner<Object> partitioner = new TrendPairPartitioner<>();
        Set<Integer> seen = new java.util.HashSet<>();
        for (String topic : new String[] {"sanctions", "drones", "syria", "ukraine-war", "iran", "north-korea"}) {
            for (int partitions : new int[] {1, 2, 3, 7}) {
                int expected = defaultPartition(topic, partitions);
                for (String pair : new String[] {TrendKey.pair(topic, "person:vladimir-putin"), TrendKey.pair(topic, "country:ir"),
                        TrendKey.pairsFrom(topic)}) {
                    assertThat(partitioner.partitions("t", pair, null, partitions)).contains(Set.of(expected));
                }
                if (partitions == 7) {
                    seen.add(expected);
                }
            }
        }
        assertThat(seen).as("topics spread over partitions, not all in one").hasSizeGreaterThan(1);
    }

    @Test
    void pairKeysSplitBackIntoTopicAndEntity() {
        String pair = TrendKey.pair("syria", "local:person:abu x");
        assertThat(TrendKey.pairTopic(pair)).isEqualTo("syria");
        assertThat(TrendKey.pairEntity(pair)).isEqualTo("local:person:abu x");
        assertThat(pair.compareTo(TrendKey.pairsFrom("syria"))).isPositive();
        assertThat(pair.compareTo(TrendKey.pairsTo("syria"))).isNegative();
        assertThat(TrendKey.pair("syriac", "x").compareTo(TrendKey.pairsTo("syria"))).isPositive();
    }
}
