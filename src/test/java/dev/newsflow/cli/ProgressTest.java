package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void aLineHasCountPercentageRateAndEta() {
        assertThat(Progress.line("produce", 1200, 5000L, 1.5, false)).isEqualTo("produce: 1,200/5,000 articles (24.0%), 800/s, ETA 0:05");
        assertThat(Progress.line("produce", 4999, 5000L, 3725, true)).isEqualTo("produce: 4,999/5,000 articles (100.0%), 1/s, 1:02:05 elapsed");
        assertThat(Progress.line("produce", 1200, null, 2, false)).isEqualTo("produce: 1,200 articles, 600/s");
        assertThat(Progress.line("produce", 0, 10L, 0, false)).isEqualTo("produce: 0/10 articles (0.0%), 0/s");
    }

    @Test
    void inALogALineEveryTenSecondsOnATerminalOneLineRedrawn() {
        AtomicLong now = new AtomicLong();
        StringWriter log = new StringWriter();
        Progress logged = new Progress(new PrintWriter(log), "produce", 100L, false, now::get);
        now.set(5_000_000_000L);
        logged.update(10);
        assertThat(log.toString()).isEmpty();
        now.set(10_000_000_000L);
        logged.update(20);
        logged.update(21);
        logged.finish(100);
        assertThat(log.toString().lines()).containsExactly("produce: 20/100 articles (20.0%), 2/s, ETA 0:40",
                "produce: 100/100 articles (100.0%), 10/s, 0:10 elapsed");

        StringWriter terminal = new StringWriter();
        Progress redrawn = new Progress(new PrintWriter(terminal), "produce", null, true, now::get);
        now.addAndGet(300_000_000L);
        redrawn.update(3);
        redrawn.finish(3);
        assertThat(terminal.toString()).startsWith("\rproduce: 3 articles, 10/s").endsWith("\n").doesNotContain("\n\r");
    }
}
