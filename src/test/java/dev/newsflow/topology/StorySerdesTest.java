package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.enrich.dedup.MatchKind;
import dev.newsflow.enrich.dedup.StoryAssignment;
import dev.newsflow.enrich.dedup.StoryEntry;
import dev.newsflow.enrich.dedup.StoryFingerprint;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class StorySerdesTest {

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    @Test
    void everyInternalRecordSurvivesARoundTrip() {
        StoryTopology.Request request = new StoryTopology.Request("a-\u00e9",
                new StoryFingerprint("0123abcd", "ffee", new long[] {Long.MIN_VALUE, -1, 0, 42, Long.MAX_VALUE}));
        StoryTopology.Request back = roundTrip(StorySerdes.request(), request);
        assertThat(back.articleId()).isEqualTo("a-\u00e9");
        assertThat(back.fingerprint().urlKey()).isEqualTo("0123abcd");
        assertThat(back.fingerprint().contentHash()).isEqualTo("ffee");
        assertThat(back.fingerprint().lead()).containsExactly(Long.MIN_VALUE, -1, 0, 42, Long.MAX_VALUE);

        StoryAssignment full = new StoryAssignment("s", true, "first", MatchKind.SAME_TEXT, 0.25, "m");
        assertThat(roundTrip(StorySerdes.assignment(), full)).isEqualTo(full);
        assertThat(roundTrip(StorySerdes.assignment(), StoryAssignment.own("x"))).isEqualTo(StoryAssignment.own("x"));

        StoryEntry entry = new StoryEntry("a", "s", "f", 1234567890123L);
        assertThat(roundTrip(StorySerdes.entry(), entry)).isEqualTo(entry);
        assertThat(roundTrip(StorySerdes.lead(), new long[] {3, 1})).containsExactly(3, 1);
        assertThat(StorySerdes.lead().serializer().serialize("t", null)).isNull();
    }

    @Test
    void anUnknownFormatIsRefusedWithItsNumber() {
        byte[] bytes = StorySerdes.entry().serializer().serialize("t", new StoryEntry("a", "s", "f", 1));
        bytes[0] = 9;

        assertThatThrownBy(() -> StorySerdes.entry().deserializer().deserialize("story-index-changelog", bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format 9");
    }
}
