package dev.newsflow.http;

import org.apache.kafka.streams.state.HostInfo;

/** Where the state of one key lives right now, as Kafka Streams' metadata says. */
sealed interface KeyLocation {

    /** On this instance, in {@code partition} (null: any local partition, when instances are not advertised). */
    record Local(Integer partition) implements KeyLocation {
    }

    /** On another instance. */
    record Remote(HostInfo owner) implements KeyLocation {
    }

    /** Nobody can answer now: a rebalance is moving the key, or the streams client is not running. */
    record Unavailable(String why) implements KeyLocation {
    }
}
