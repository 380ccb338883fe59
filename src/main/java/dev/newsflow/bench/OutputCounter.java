package dev.newsflow.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts what a phase's application has committed, as a downstream consumer sees it: a read_committed consumer of
 * the output and dead-letter topics from their beginning. Values stay bytes, so counting costs little CPU.
 */
final class OutputCounter implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String deadLetterTopic;
    private final long expected;
    private final boolean keepLatencies;
    private final AtomicLong outputs = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final CountDownLatch reached = new CountDownLatch(1);
    private final Thread thread;
    private long[] latencies = new long[1024];
    private int latencyCount;
    private volatile RuntimeException failure;

    /**
     * @param expected      how many records complete the phase
     * @param keepLatencies whether to keep each record's receipt time minus its timestamp
     */
    OutputCounter(Properties clientProperties, String outputTopic, String deadLetterTopic, long expected,
                  boolean keepLatencies) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.deadLetterTopic = deadLetterTopic;
        this.expected = expected;
        this.keepLatencies = keepLatencies;
        // Assigned, not subscribed: no group rebalance delays the first fetch, and positions are resolved before the
        // phase starts, so a slow consumer start cannot show up as latency.
        List<TopicPartition> partitions = Stream.of(outputTopic, deadLetterTopic)
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "newsflow-bench-counter");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (total() < expected) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = System.currentTimeMillis();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    (record.topic().equals(deadLetterTopic) ? deadLetters : outputs).incrementAndGet();
                    if (keepLatencies) {
                        keep(now - record.timestamp());
                    }
                }
            }
            reached.countDown();
        } catch (WakeupException e) {
            // closed before the phase completed
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private synchronized void keep(long millis) {
        if (latencyCount == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[latencyCount++] = millis;
    }

    /**
     * Waits until the expected number of records arrived.
     *
     * @param stall   how long without a new record counts as stuck
     * @param problem what is wrong with the application, or null while it runs
     */
    void await(Duration stall, Supplier<String> problem) throws InterruptedException {
        long last = total();
        long lastProgress = System.nanoTime();
        while (!reached.await(50, TimeUnit.MILLISECONDS)) {
            if (failure != null) {
                throw new IllegalStateException("reading the output failed: " + failure.getMessage(), failure);
            }
            String trouble = problem.get();
            if (trouble != null) {
                throw new IllegalStateException(trouble + " after " + total() + " of " + expected + " records");
            }
            long now = total();
            if (now != last) {
                last = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
                throw new IllegalStateException("no output for " + stall.toSeconds() + " s after " + now + " of "
                        + expected + " records");
            }
        }
    }

    long total() {
        return outputs.get() + deadLetters.get();
    }

    long outputs() {
        return outputs.get();
    }

    long deadLetters() {
        return deadLetters.get();
    }

    synchronized long[] latencies() {
        return Arrays.copyOf(latencies, latencyCount);
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
