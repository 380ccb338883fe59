package dev.newsflow.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void countsMissingDuplicatedAndUnexpectedOutputs() {
        Tally tally = new Tally();
        tally.enriched("a");
        tally.enriched("b");
        tally.deadLettered("b");
        tally.enriched("c");
        tally.enriched("c");
        tally.enriched("c");
        tally.deadLettered("stranger");

        OutputCounts counts = tally.against(List.of("a", "b", "c", "d"));

        assertThat(counts).isEqualTo(new OutputCounts(5, 2, 1, 3, 1));
        assertThat(counts.exactlyOnce()).isFalse();
        assertThat(tally.distinct()).isEqualTo(4);
    }

    @Test
    void everyInputOnceIsExactlyOnce() {
        Tally tally = new Tally();
        tally.enriched("a");
        tally.deadLettered("b");

        assertThat(tally.against(List.of("a", "b"))).isEqualTo(new OutputCounts(1, 1, 0, 0, 0));
        assertThat(tally.against(List.of("a", "b")).exactlyOnce()).isTrue();
    }
}
