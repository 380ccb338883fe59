package dev.newsflow.bench;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Tells when an application's main consumer hands out its first records: the start of a throughput measurement.
 * Installed through the main consumer's interceptor setting, with the callback passed in the same settings.
 */
public final class FirstRecordHook implements ConsumerInterceptor<byte[], byte[]> {

    /** Setting (under the main consumer prefix) that carries the {@link Runnable} to call once. */
    static final String CALLBACK = "newsflow.bench.first.record.callback";

    private final AtomicBoolean fired = new AtomicBoolean();
    private Runnable callback = () -> { };

    /** Adds the hook to Kafka Streams settings; with several stream threads each calls it, the caller keeps the first. */
    static void install(Map<Object, Object> streamsProps, Runnable callback) {
        streamsProps.put(StreamsConfig.mainConsumerPrefix("interceptor.classes"), FirstRecordHook.class.getName());
        streamsProps.put(StreamsConfig.mainConsumerPrefix(CALLBACK), callback);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.get(CALLBACK) instanceof Runnable runnable) {
            callback = runnable;
        }
    }

    @Override
    public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
        if (!records.isEmpty() && fired.compareAndSet(false, true)) {
            callback.run();
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }
}
