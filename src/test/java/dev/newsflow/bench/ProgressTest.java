package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void aLineSaysCountRateAndTimeLeft() {
        assertThat(Progress.format("hot throughput", 12_000, 20_000, 15.0))
                .isEqualTo("[bench] hot throughput: 12000/20000 articles, 800/s, ETA 10 s");
        assertThat(Progress.format("full throughput", 1_000, 20_000, 10.0))
                .isEqualTo("[bench] full throughput: 1000/20000 articles, 100/s, ETA 3 min 10 s");
        assertThat(Progress.format("loading", 0, 20_000, 0.5)).endsWith("0/20000 articles, 0/s, ETA ?");
    }

    @Test
    void aFinishedPhaseSaysHowLongItTookAndNeverShowsMoreThanItsQuota() {
        assertThat(Progress.format("hot warm-up", 2_345, 2_000, 4.0))
                .isEqualTo("[bench] hot warm-up: 2000/2000 articles, 500/s, done in 4 s");
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndMessagesGetTheirOwnLines() {
        StringWriter text = new StringWriter();
        try (Progress progress = new Progress(new PrintWriter(text), true)) {
            progress.begin("hot throughput", 10, () -> 10);
            progress.end();
            progress.say("next pipeline");
        }

        assertThat(text.toString()).startsWith("\r[bench] hot throughput: 10/10 articles")
                .endsWith("\n[bench] next pipeline" + System.lineSeparator());
    }
}
