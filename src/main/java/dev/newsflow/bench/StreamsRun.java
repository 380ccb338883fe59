package dev.newsflow.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One phase's Kafka Streams application, from start to RUNNING to a clean close that removes its local state. */
final class StreamsRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRun.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);
    /** In {@link ThreadTime}'s order. */
    private static final List<String> RATIOS = List.of("process-ratio", "commit-ratio", "poll-ratio", "punctuate-ratio");

    private final KafkaStreams streams;
    private final String applicationId;
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile Throwable failure;

    private StreamsRun(Topology topology, Properties props) {
        this.streams = new KafkaStreams(topology, props);
        this.applicationId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    /**
     * Starts the application and returns once it is RUNNING.
     *
     * @param onFirstRecord runs once, when the main consumer first hands input records to the stream thread
     */
    static StreamsRun start(Topology topology, Properties props, Runnable onFirstRecord, Duration timeout)
            throws InterruptedException {
        // Not the RUNNING transition: with several threads the client turns RUNNING only once all of them do, when
        // the first may have been processing for seconds. Not the fetch metrics either: they are recorded only once
        // a whole fetch response has been handed out, which for a slow pipeline is a minute later.
        FirstRecordHook.install(props, onFirstRecord);
        StreamsRun run = new StreamsRun(topology, props);
        run.streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                run.running.countDown();
            }
        });
        // A failure ends the phase with its reason instead of a replacement thread quietly retrying.
        run.streams.setUncaughtExceptionHandler(e -> {
            run.failure = e;
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        run.streams.start();
        if (!run.running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            String problem = run.problem();
            run.close();
            throw new IllegalStateException("the application did not reach RUNNING within " + timeout.toSeconds()
                    + " s" + (problem == null ? "" : ": " + problem));
        }
        return run;
    }

    /** The stream threads' time split so far, or null when no thread has reported it yet. */
    ThreadTime threadTime() {
        double[] sums = new double[RATIOS.size()];
        int[] counts = new int[RATIOS.size()];
        streams.metrics().forEach((name, metric) -> {
            int index = RATIOS.indexOf(name.name());
            if (index >= 0 && name.group().equals("stream-thread-metrics")
                    && metric.metricValue() instanceof Double value && !value.isNaN()) {
                sums[index] += value;
                counts[index]++;
            }
        });
        if (counts[0] == 0) {
            return null;
        }
        double[] mean = new double[sums.length];
        for (int i = 0; i < sums.length; i++) {
            mean[i] = counts[i] == 0 ? 0 : sums[i] / counts[i];
        }
        return new ThreadTime(mean[0], mean[1], mean[2], mean[3]);
    }

    /** What stopped the application, or null while it is starting, running or rebalancing. */
    String problem() {
        if (failure != null) {
            return "the application failed: " + failure;
        }
        KafkaStreams.State state = streams.state();
        return state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED ? null : "the application is " + state;
    }

    /**
     * Leaves the group and closes. On a starved machine that can take longer than the timeout; the client then goes on
     * shutting down in the background and its state stays for the benchmark's temporary directory to remove.
     */
    @Override
    public void close() {
        boolean stopped = streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        if (stopped) {
            streams.cleanUp();
        } else {
            LOG.warn("{} did not stop within {} s; it goes on stopping in the background and may slow the next phase",
                    applicationId, CLOSE_TIMEOUT.toSeconds());
        }
    }
}
