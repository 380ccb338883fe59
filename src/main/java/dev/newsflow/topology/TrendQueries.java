package dev.newsflow.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/** Reads the trend stores for interactive queries: a key's time series and a topic's top entities in a window. */
public final class TrendQueries {

    /** One window of a time series; windows without articles are not listed. */
    public record Point(Instant start, Instant end, long count, List<String> sampleArticleIds) {
    }

    /** An entity and how many articles of the topic named it in the window. */
    public record EntityCount(String entityId, long count) {
    }

    private TrendQueries() {
    }

    /** The windows of {@code key} starting in [{@code from}, {@code to}], oldest first. */
    public static List<Point> series(ReadOnlyWindowStore<String, TrendBucket> counts, String key, Instant from,
                                     Instant to, Duration window) {
        List<Point> points = new ArrayList<>();
        try (WindowStoreIterator<TrendBucket> it = counts.fetch(key, from, to)) {
            while (it.hasNext()) {
                KeyValue<Long, TrendBucket> entry = it.next();
                Instant start = Instant.ofEpochMilli(entry.key);
                points.add(new Point(start, start.plus(window), entry.value.count(), entry.value.sampleArticleIds()));
            }
        }
        return points;
    }

    /** The {@code limit} entities most often named by articles of {@code topicId} in the window starting at {@code start}. */
    public static List<EntityCount> topEntities(ReadOnlyWindowStore<String, Long> pairs, String topicId, Instant start,
                                                int limit) {
        List<EntityCount> all = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, Long> it =
                     pairs.fetch(TrendKey.pairsFrom(topicId), TrendKey.pairsTo(topicId), start, start)) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, Long> entry = it.next();
                // The range is over serialised keys; keep only this topic's pairs.
                if (TrendKey.pairTopic(entry.key.key()).equals(topicId)) {
                    all.add(new EntityCount(TrendKey.pairEntity(entry.key.key()), entry.value));
                }
            }
        }
        all.sort(Comparator.comparingLong(EntityCount::count).reversed().thenComparing(EntityCount::entityId));
        return all.subList(0, Math.min(limit, all.size()));
    }

    /** Start of the window of {@code size} containing {@code time} (windows are aligned to the epoch). */
    public static Instant windowStart(Instant time, Duration size) {
        long ms = size.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), ms) * ms);
    }
}
