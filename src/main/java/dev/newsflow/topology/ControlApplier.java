package dev.newsflow.topology;

import dev.newsflow.enrich.LiveModels;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Global-store processor: puts accepted updates into force on this instance. Kafka Streams replays the accepted
 * topic through it on start-up too, so a restarted instance ends with the same rules as the others.
 */
final class ControlApplier implements Processor<String, String, Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(ControlApplier.class);

    private final ControlChannel channel;
    private final LiveModels models;
    private final String storeName;
    private KeyValueStore<String, String> store;

    ControlApplier(ControlChannel channel, LiveModels models, String storeName) {
        this.channel = channel;
        this.models = models;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, String> record) {
        try {
            channel.apply(record.key(), record.value(), models);
        } catch (RuntimeException e) {
            // Accepted updates passed the same checks; this only happens when another version wrote them.
            LOG.error("Ignoring accepted {} update '{}' that this version cannot apply; the previous one stays in force",
                    channel.name(), record.key(), e);
            return;
        }
        if (record.key() != null) {
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
        LOG.info("Applied {} update '{}'{}", channel.name(), record.key(), record.value() == null ? " (withdrawn)" : "");
    }
}
