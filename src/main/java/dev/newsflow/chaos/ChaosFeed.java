package dev.newsflow.chaos;

import dev.newsflow.client.ArticleSender;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends the inputs to the raw topic at a steady rate from its own thread, so that disruptions hit the
 * application mid-stream. The producer is idempotent with a long delivery timeout, so a broker restart
 * neither loses nor doubles an input: every input is in the topic exactly once, or the run reports a failure.
 */
final class ChaosFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final List<FeedRecord> inputs;
    private final int ratePerSecond;
    private final AtomicInteger acknowledged = new AtomicInteger();
    private volatile int allowed;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;

    ChaosFeed(Properties clientProperties, String topic, List<FeedRecord> inputs, int ratePerSecond) {
        Properties props = ArticleSender.producerProperties(clientProperties);
        // Longer than any outage a scenario makes: a send that expired would leave an input in doubt.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.inputs = inputs;
        this.ratePerSecond = ratePerSecond;
        this.thread = new Thread(this::feed, "chaos-feed");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void feed() {
        long start = System.nanoTime();
        try {
            long paused = 0;
            for (int i = 0; i < inputs.size(); i++) {
                while (i >= allowed) {
                    long t = System.nanoTime();
                    Thread.sleep(10);
                    paused += System.nanoTime() - t;
                }
                // Pace by the schedule, not by sleeping a fixed gap, so slow sends do not stretch the run.
                long due = start + paused + (long) (i * 1e9 / ratePerSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                FeedRecord input = inputs.get(i);
                producer.send(new ProducerRecord<>(topic, input.id(), input.value()), (metadata, e) -> {
                    if (e == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Lets the feed send inputs up to (not including) index {@code count}. */
    void allow(int count) {
        allowed = Math.max(allowed, Math.min(count, inputs.size()));
    }

    boolean done() {
        return !thread.isAlive();
    }

    int acknowledged() {
        return acknowledged.get();
    }

    /** Whether every input released so far has been acknowledged: nothing more arrives until the next release. */
    boolean idle() {
        return acknowledged.get() >= allowed;
    }

    /** The first send that failed, if any: then the inputs are in doubt and the run cannot pass. */
    Exception failure() {
        return failure.get();
    }

    @Override
    public void close() {
        thread.interrupt();
        producer.close(Duration.ofSeconds(10));
    }
}
