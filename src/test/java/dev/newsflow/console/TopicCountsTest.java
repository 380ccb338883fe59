package dev.newsflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicCountsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:30:40Z");
    private final TopicCounts counts = new TopicCounts();

    @Test
    void countsEachTopicPerMinuteWithTheCurrentMinuteLast() {
        counts.record(List.of("sanctions", "drones"), NOW);
        counts.record(List.of("sanctions"), NOW.minusSeconds(10));
        counts.record(List.of("sanctions"), NOW.minusSeconds(60));
        counts.record(List.of("syria"), NOW.minusSeconds(59 * 60));

        TopicCounts.Snapshot snapshot = counts.snapshot(NOW);
        assertThat(Instant.ofEpochSecond(snapshot.endMinute() * 60)).isEqualTo(Instant.parse("2026-11-28T12:30:00Z"));
        int[] sanctions = snapshot.topics().get("sanctions");
        assertThat(sanctions).hasSize(TopicCounts.MINUTES);
        assertThat(sanctions[59]).isEqualTo(2);
        assertThat(sanctions[58]).isEqualTo(1);
        assertThat(snapshot.topics().get("drones")[59]).isEqualTo(1);
        assertThat(snapshot.topics().get("syria")[0]).isEqualTo(1);
        assertThat(snapshot.topics().keySet()).as("busiest first, then by name").containsExactly("sanctions", "drones", "syria");
    }

    @Test
    void forgetsWhatIsOlderThanAnHour() {
        counts.record(List.of("syria"), NOW.minusSeconds(60 * 60));
        counts.record(List.of("drones"), NOW.minusSeconds(2 * 60 * 60));
        assertThat(counts.snapshot(NOW).topics()).isEmpty();

        counts.record(List.of("iran"), NOW.minusSeconds(60 * 30));
        assertThat(counts.snapshot(NOW.plusSeconds(60 * 29)).topics()).containsKey("iran");
        assertThat(counts.snapshot(NOW.plusSeconds(60 * 31)).topics()).doesNotContainKey("iran");
    }

    @Test
    void aMinuteSlotReusedAnHourLaterStartsFromZeroAndLateRecordsForTheOldHourAreDropped() {
        counts.record(List.of("drones"), NOW.minusSeconds(60 * 60));
        counts.record(List.of("drones"), NOW);
        counts.record(List.of("drones"), NOW.minusSeconds(60 * 60));
        int[] drones = counts.snapshot(NOW).topics().get("drones");
        assertThat(drones[59]).isEqualTo(1);
        assertThat(java.util.Arrays.stream(drones).sum()).isEqualTo(1);
    }

    @Test
    void recordsFromTheFutureDoNotShowYet() {
        counts.record(List.of("drones"), NOW.plusSeconds(120));
        assertThat(counts.snapshot(NOW).topics()).isEmpty();
        assertThat(counts.snapshot(NOW.plusSeconds(120)).topics().get("drones")[59]).isEqualTo(1);
    }
}
