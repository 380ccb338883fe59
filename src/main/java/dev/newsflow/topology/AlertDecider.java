package dev.newsflow.topology;

import dev.newsflow.alerts.Sighting;
import dev.newsflow.alerts.StoryWatch;
import dev.newsflow.alerts.Subscription;
import dev.newsflow.alerts.SubscriptionBook;
import dev.newsflow.schema.Alert;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps, per subscription and story, what the current episode has seen ({@link StoryWatch}) and raises at most one
 * alert per episode, keyed by subscription id. Runs on the partition of the story id, so every copy of a story,
 * from whichever input partition, meets the same state. The store is logged, so under exactly-once the state and
 * the alert are committed together.
 */
final class AlertDecider extends ContextualProcessor<String, Sighting, String, Alert> {

    /** How often (in stream time) expired episodes are removed; expiry itself is exact, checked on every read. */
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private final SubscriptionBook book;
    private final Clock clock;
    private KeyValueStore<String, StoryWatch> watches;

    AlertDecider(SubscriptionBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        super.init(context);
        watches = context.getStateStore(Topics.AlertTopics.WATCH_STORE);
        context.schedule(SWEEP_EVERY, PunctuationType.STREAM_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, Sighting> record) {
        Sighting sighting = record.value();
        Subscription subscription = book.get(sighting.subscriptionId());
        if (subscription == null) {
            return; // withdrawn between the match and here
        }
        String key = key(sighting);
        StoryWatch.Step step = StoryWatch.observe(watches.get(key), sighting, subscription);
        watches.put(key, step.state());
        if (step.alert()) {
            Alert alert = AlertRecords.alert(subscription, sighting, step.state(), clock.instant());
            context().forward(record.withKey(subscription.id()).withValue(alert));
        }
    }

    /** Subscription ids and story ids carry no newline (both are checked), so the pair is unambiguous. */
    static String key(Sighting sighting) {
        return sighting.subscriptionId() + '\n' + sighting.storyId();
    }

    private void sweep(long streamTime) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, StoryWatch> all = watches.all()) {
            while (all.hasNext()) {
                KeyValue<String, StoryWatch> entry = all.next();
                if (entry.value.expiresAt().toEpochMilli() <= streamTime) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(watches::delete);
    }
}
