package dev.newsflow.http;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Finds which instance owns a key of a store, from the {@code application.server} metadata every instance shares
 * through the consumer group.
 */
final class KeyLocator {

    private final KafkaStreams streams;
    private final HostInfo self;

    /** @param self this instance's advertised HTTP address, or null when it has none (one instance alone) */
    KeyLocator(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /** Locates {@code key} of {@code store}, partitioned as the default partitioner or {@code partitioner} does. */
    KeyLocation locate(String store, String key, StreamPartitioner<String, ?> partitioner) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new KeyLocation.Unavailable("streams are " + streams.state());
        }
        if (self == null) {
            // Without application.server there is no metadata about other instances: answer from local state.
            return new KeyLocation.Local(null);
        }
        KeyQueryMetadata metadata = partitioner == null
                ? streams.queryMetadataForKey(store, key, Serdes.String().serializer())
                : streams.queryMetadataForKey(store, key, partitioner);
        if (metadata == null || metadata == KeyQueryMetadata.NOT_AVAILABLE
                || metadata.activeHost().equals(HostInfo.unavailable())) {
            return new KeyLocation.Unavailable("no instance owns the key at the moment");
        }
        return metadata.activeHost().equals(self)
                ? new KeyLocation.Local(metadata.partition())
                : new KeyLocation.Remote(metadata.activeHost());
    }

    String self() {
        return self == null ? "local" : self.host() + ":" + self.port();
    }
}
