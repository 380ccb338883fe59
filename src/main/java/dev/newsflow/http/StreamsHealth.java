package dev.newsflow.http;

import java.util.List;
import org.apache.kafka.streams.KafkaStreams;

/**
 * A snapshot of what the health endpoints judge: the streams client's state and its stream threads' states.
 *
 * @param state   the Kafka Streams client state
 * @param threads the state of each local stream thread that has not died (RUNNING, PARTITIONS_ASSIGNED, ...)
 */
public record StreamsHealth(KafkaStreams.State state, List<String> threads) {

    public StreamsHealth {
        threads = List.copyOf(threads);
    }

    /** The snapshot of a live client; dead threads are left out by Kafka Streams itself. */
    public static StreamsHealth of(KafkaStreams streams) {
        return new StreamsHealth(streams.state(),
                streams.metadataForLocalThreads().stream().map(t -> t.threadState()).toList());
    }

    /** Stream threads that still work: not shutting down. */
    public long aliveThreads() {
        return threads.stream().filter(t -> !t.equals("DEAD") && !t.equals("PENDING_SHUTDOWN")).count();
    }

    /**
     * Live: the process is up and not failed for good. A client still starting is live; a running or
     * rebalancing one needs at least one working stream thread; ERROR and shutdown states are not live.
     */
    public boolean live() {
        return switch (state) {
            case CREATED -> true;
            case RUNNING, REBALANCING -> aliveThreads() > 0;
            default -> false;
        };
    }

    /** Ready: partitions assigned and processing. */
    public boolean ready() {
        return state == KafkaStreams.State.RUNNING;
    }

    /** The documented /health: up while running or rebalancing. */
    public boolean up() {
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }
}
