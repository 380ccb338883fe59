package dev.newsflow.topology;

import dev.newsflow.schema.TrendSpike;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Watches every update of a window's count and emits a {@link TrendSpike} the first time the window qualifies under
 * the {@link SpikeRule}, then never again for that key and window.
 *
 * <p>Why a state store rather than {@code suppress(untilWindowCloses)}: suppression would hold every spike until the
 * window plus its grace had passed (seven hours with the defaults), which defeats an alert. The detector emits as soon
 * as the threshold is crossed and remembers it in {@link Topics.TrendTopics#SPIKES_STORE}; under exactly-once the
 * memory and the spike are committed together, so a restart neither repeats nor loses one. The spike's count is the
 * count at detection: the window may grow afterwards, and the time series query has the final figure.
 *
 * <p>No spike is judged before the task has counted {@code baselineWindows} windows of event time (the epoch store),
 * because before that every key would look new and a fresh start would flood the topic.
 */
final class SpikeDetector extends ContextualProcessor<Windowed<String>, TrendBucket, String, TrendSpike> {

    private static final String EPOCH = "epoch";

    private final SpikeRule rule;
    private final long windowMs;
    private TimestampedWindowStore<String, TrendBucket> counts;
    private WindowStore<String, Long> spikes;
    private KeyValueStore<String, Long> epoch;

    SpikeDetector(SpikeRule rule, Duration window) {
        this.rule = rule;
        this.windowMs = window.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, TrendSpike> context) {
        super.init(context);
        counts = context.getStateStore(Topics.TrendTopics.COUNTS_STORE);
        spikes = context.getStateStore(Topics.TrendTopics.SPIKES_STORE);
        epoch = context.getStateStore(Topics.TrendTopics.EPOCH_STORE);
    }

    @Override
    public void process(Record<Windowed<String>, TrendBucket> record) {
        TrendBucket bucket = record.value();
        long start = record.key().window().start();
        boolean judged = judged(start);
        if (bucket == null || bucket.count() < rule.minCount()) {
            return;
        }
        String key = record.key().key();
        if (!judged || spikes.fetch(key, start) != null) {
            return;
        }
        long[] previous = previousCounts(key, start);
        SpikeRule.Verdict verdict = rule.judge(bucket.count(), previous);
        if (!verdict.spike()) {
            return;
        }
        spikes.put(key, bucket.count(), start);
        TrendSpike spike = TrendSpike.newBuilder()
                .setKey(key)
                .setKind(TrendKey.kind(key))
                .setId(TrendKey.id(key))
                .setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(record.key().window().end()))
                .setCount(bucket.count())
                .setBaselineMean(verdict.mean())
                .setBaselineStddev(verdict.stddev())
                .setBaselineWindows(previous.length)
                .setScore(verdict.score())
                .setSampleArticleIds(bucket.sampleArticleIds())
                .setDetectedAt(Instant.ofEpochMilli(context().currentSystemTimeMs()))
                .setPipelineVersion(PipelineVersion.VERSION)
                .build();
        context().forward(new Record<>(key, spike, record.timestamp(), record.headers()));
    }

    /** Whether this task has seen enough event time before {@code start} to have a baseline for it. */
    private boolean judged(long start) {
        Long first = epoch.get(EPOCH);
        if (first == null || start < first) {
            // The earliest window this task counted; an out-of-order older one moves it back.
            epoch.put(EPOCH, start);
            first = start;
        }
        return start - first >= rule.baselineWindows() * windowMs;
    }

    /** Counts of the baseline windows before {@code start}, oldest first; windows nobody counted in are 0. */
    private long[] previousCounts(String key, long start) {
        long[] previous = new long[rule.baselineWindows()];
        long from = start - previous.length * windowMs;
        try (WindowStoreIterator<ValueAndTimestamp<TrendBucket>> it =
                     counts.fetch(key, Instant.ofEpochMilli(from), Instant.ofEpochMilli(start - windowMs))) {
            while (it.hasNext()) {
                var entry = it.next();
                int index = (int) ((entry.key - from) / windowMs);
                if (index >= 0 && index < previous.length && entry.value != null) {
                    previous[index] = entry.value.value().count();
                }
            }
        }
        return previous;
    }
}
