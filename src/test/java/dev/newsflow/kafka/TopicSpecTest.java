package dev.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TopicSpecTest {

    @Test
    void compactedTopicsSayCompact() {
        TopicSpec spec = TopicSpec.compacted("news.rules", 1, (short) 1);

        assertThat(spec.isCompacted()).isTrue();
        assertThat(spec.configs()).containsEntry("cleanup.policy", "compact");
        assertThat(spec.toNewTopic().configs()).containsEntry("cleanup.policy", "compact");
        assertThat(TopicSpec.of("news.articles.raw", 3, (short) 1).isCompacted()).isFalse();
    }

    @Test
    void withConfigAddsWithoutChangingTheOriginal() {
        TopicSpec base = TopicSpec.compacted("t", 1, (short) 1);

        TopicSpec more = base.withConfig("min.compaction.lag.ms", "1000");

        assertThat(more.configs()).containsEntry("cleanup.policy", "compact").containsEntry("min.compaction.lag.ms", "1000");
        assertThat(base.configs()).doesNotContainKey("min.compaction.lag.ms");
    }

    @Test
    void configsAreCopied() {
        Map<String, String> configs = new HashMap<>(Map.of("retention.ms", "1"));
        TopicSpec spec = new TopicSpec("t", 1, (short) 1, configs);

        configs.put("retention.ms", "2");

        assertThat(spec.configs()).containsEntry("retention.ms", "1");
    }

    @Test
    void rejectsWhatTheBrokerWouldReject() {
        assertThatThrownBy(() -> TopicSpec.of("has space", 1, (short) 1)).hasMessageContaining("has space");
        assertThatThrownBy(() -> TopicSpec.of("..", 1, (short) 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicSpec.of("x".repeat(250), 1, (short) 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicSpec.of("t", 0, (short) 1)).hasMessageContaining("partitions");
        assertThatThrownBy(() -> TopicSpec.of("t", 1, (short) 0)).hasMessageContaining("replication");
    }
}
