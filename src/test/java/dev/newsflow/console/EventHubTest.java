package dev.newsflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventHubTest {

    private EventHub hub = new EventHub(Map.of("article", 3, "alert", 2), 2, Duration.ofHours(1));

    @AfterEach
    void close() {
        hub.close();
    }

    /** Collects what the hub writes, as a browser would receive it. */
    static class Browser implements EventHub.Sink {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        volatile boolean closed;

        @Override
        public synchronized void write(byte[] data) {
            bytes.writeBytes(data);
        }

        @Override
        public void close() {
            closed = true;
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        void await(String expected) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!text().contains(expected)) {
                assertThat(System.nanoTime()).as("waiting for '%s' in:\n%s", expected, text()).isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }

    @Test
    void aNewBrowserGetsTheRetryTheKeptEventsOfEachTypeInOrderThenLiveOnes() throws Exception {
        for (int i = 1; i <= 5; i++) {
            hub.publish("article", "a" + i);
        }
        hub.publish("alert", "x1");
        Browser browser = new Browser();
        assertThat(hub.subscribe(browser, 0)).isTrue();
        hub.publish("article", "a6");

        browser.await("data: a6");
        String text = browser.text();
        assertThat(text).startsWith("retry: " + EventHub.RETRY_MILLIS + "\n\n");
        assertThat(text).doesNotContain("data: a1\n", "data: a2\n");
        assertThat(text.indexOf("data: a3")).isLessThan(text.indexOf("data: a5"));
        assertThat(text.indexOf("data: a5")).isLessThan(text.indexOf("data: x1"));
        assertThat(text.indexOf("data: x1")).isLessThan(text.indexOf("data: a6"));
        assertThat(text.split("data: a6", -1)).hasSize(2);
    }

    @Test
    void aReconnectingBrowserGetsOnlyWhatCameAfterItsLastEventId() throws Exception {
        SseEvent seen = hub.publish("article", "a1");
        hub.publish("article", "a2");
        Browser browser = new Browser();
        hub.subscribe(browser, seen.id());
        hub.publish("article", "a3");

        browser.await("data: a3");
        assertThat(browser.text()).contains("data: a2").doesNotContain("data: a1");
        assertThat(hub.backlog(seen.id())).extracting(SseEvent::data).containsExactly("a2", "a3");
    }

    @Test
    void idsIncreaseAcrossTypesAndStartFromTheClock() {
        long before = System.currentTimeMillis() * 1000;
        hub.close();
        hub = new EventHub(Map.of("article", 3, "alert", 2), 2, Duration.ofHours(1));
        SseEvent first = hub.publish("alert", "x");
        SseEvent second = hub.publish("article", "a");
        assertThat(first.id()).isGreaterThan(before);
        assertThat(second.id()).isEqualTo(first.id() + 1);
    }

    @Test
    void refusesBrowsersBeyondTheLimitAndAfterClose() {
        assertThat(hub.subscribe(new Browser(), 0)).isTrue();
        assertThat(hub.subscribe(new Browser(), 0)).isTrue();
        Browser third = new Browser();
        assertThat(hub.subscribe(third, 0)).isFalse();
        assertThat(third.text()).isEmpty();
        hub.close();
        hub = new EventHub(Map.of("article", 1), 2, Duration.ofHours(1));
        hub.close();
        assertThat(hub.subscribe(new Browser(), 0)).isFalse();
    }

    @Test
    void aBrowserThatWentAwayIsRemovedAndClosed() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        hub.subscribe(new EventHub.Sink() {
            @Override
            public void write(byte[] bytes) throws IOException {
                throw new IOException("broken pipe");
            }

            @Override
            public void close() {
                closed.countDown();
            }
        }, 0);
        assertThat(closed.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        awaitClients(0);
    }

    @Test
    void aBrowserTooSlowToReadIsDroppedInsteadOfBufferedWithoutBound() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Browser stuck = new Browser() {
            @Override
            public void write(byte[] data) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        hub.subscribe(stuck, 0);
        for (int i = 0; i < 1100; i++) {
            hub.publish("article", "a" + i);
        }
        assertThat(hub.clients()).isZero();
        release.countDown();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!stuck.closed) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void heartbeatsReachConnectedBrowsers() throws Exception {
        hub.close();
        hub = new EventHub(Map.of("article", 1), 2, Duration.ofMillis(20));
        Browser browser = new Browser();
        hub.subscribe(browser, 0);
        browser.await(": heartbeat\n\n");
    }

    private void awaitClients(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (hub.clients() != count) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
