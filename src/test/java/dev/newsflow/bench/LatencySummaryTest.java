package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void percentilesAreNearestRankSoEachIsAnObservedLatency() {
        long[] millis = LongStream.rangeClosed(1, 1000).map(i -> 1001 - i).toArray();

        LatencySummary summary = LatencySummary.of(millis);

        assertThat(summary).isEqualTo(new LatencySummary(1000, 500, 950, 990, 1000));
        assertThat(millis[0]).as("input left unsorted").isEqualTo(1000);
    }

    @Test
    void smallAndEmptySamples() {
        assertThat(LatencySummary.of(new long[] {42})).isEqualTo(new LatencySummary(1, 42, 42, 42, 42));
        assertThat(LatencySummary.of(new long[] {10, 20, 30, 40})).isEqualTo(new LatencySummary(4, 20, 40, 40, 40));
        assertThat(LatencySummary.of(new long[0])).isEqualTo(LatencySummary.EMPTY);
    }
}
