package dev.newsflow.bench;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/** One phase's Kafka Streams application, from start to RUNNING to a clean close that removes its local state. */
final class StreamsRun implements AutoCloseable {

    private final KafkaStreams streams;
    private volatile Throwable failure;

    private StreamsRun(Topology topology, Properties props) {
        this.streams = new KafkaStreams(topology, props);
    }

    /**
     * Starts the application and returns once it is RUNNING.
     *
     * @param onRunning runs in the stream thread on the first transition to RUNNING, just before processing starts
     */
    static StreamsRun start(Topology topology, Properties props, Runnable onRunning, Duration timeout)
            throws InterruptedException {
        StreamsRun run = new StreamsRun(topology, props);
        CountDownLatch running = new CountDownLatch(1);
        run.streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING && running.getCount() > 0) {
                onRunning.run();
                running.countDown();
            }
        });
        // A failure ends the phase with its reason instead of a replacement thread quietly retrying.
        run.streams.setUncaughtExceptionHandler(e -> {
            run.failure = e;
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        run.streams.start();
        if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            String problem = run.problem();
            run.close();
            throw new IllegalStateException("the application did not reach RUNNING within " + timeout.toSeconds()
                    + " s" + (problem == null ? "" : ": " + problem));
        }
        return run;
    }

    /** What stopped the application, or null while it is running or rebalancing. */
    String problem() {
        if (failure != null) {
            return "the application failed: " + failure;
        }
        KafkaStreams.State state = streams.state();
        return state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED ? null : "the application is " + state;
    }

    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        streams.cleanUp();
    }
}
