package dev.newsflow.topology;

import dev.newsflow.enrich.dedup.StoryAssignment;
import dev.newsflow.enrich.dedup.StoryEntry;
import dev.newsflow.enrich.dedup.StoryMatcher;
import dev.newsflow.enrich.dedup.StoryRule;
import java.time.Duration;
import java.util.function.Predicate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Kafka plumbing around {@link StoryMatcher}: the single writer of the story index. Decides each article's story
 * from the entries of the window around its event time and files the article under its keys. The window stores'
 * retention drops what has left every window.
 */
final class StoryAssigner implements Processor<String, StoryTopology.Request, String, StoryAssignment> {

    /**
     * How far ahead of this machine's clock an event time may be. Window stores expire everything older than the
     * newest time they saw minus their retention, so one article stamped years ahead would blind the index;
     * clamping keeps a bad crawler clock from doing that.
     */
    static final long MAX_FUTURE_MS = Duration.ofHours(1).toMillis();

    private final long windowMs;
    private final StoryMatcher matcher;
    private ProcessorContext<String, StoryAssignment> context;
    private WindowStore<String, StoryEntry> index;
    private WindowStore<String, long[]> leads;

    StoryAssigner(Duration window, StoryRule rule) {
        this.windowMs = window.toMillis();
        this.matcher = new StoryMatcher(rule);
    }

    @Override
    public void init(ProcessorContext<String, StoryAssignment> context) {
        this.context = context;
        this.index = context.getStateStore(Topics.StoryTopics.INDEX_STORE);
        this.leads = context.getStateStore(Topics.StoryTopics.LEADS_STORE);
    }

    @Override
    public void process(Record<String, StoryTopology.Request> record) {
        StoryTopology.Request request = record.value();
        long time = Math.min(record.timestamp(), context.currentSystemTimeMs() + MAX_FUTURE_MS);
        long from = Math.max(0, time - windowMs);
        long to = time + windowMs;
        StoryMatcher.Decision decision = matcher.decide(request.articleId(), time, request.fingerprint(),
                new StoryMatcher.Candidates() {
                    @Override
                    public void scan(String key, Predicate<StoryEntry> visitor) {
                        try (WindowStoreIterator<StoryEntry> entries = index.fetch(key, from, to)) {
                            while (entries.hasNext()) {
                                if (!visitor.test(entries.next().value)) {
                                    return;
                                }
                            }
                        }
                    }

                    @Override
                    public long[] lead(String articleId) {
                        long[] latest = null;
                        try (WindowStoreIterator<long[]> found = leads.fetch(articleId, from, to)) {
                            while (found.hasNext()) {
                                latest = found.next().value;
                            }
                        }
                        return latest;
                    }
                });
        for (String key : decision.keys()) {
            index.put(key, decision.entry(), time);
        }
        if (request.fingerprint().lead().length > 0) {
            leads.put(request.articleId(), request.fingerprint().lead(), time);
        }
        context.forward(record.withValue(decision.assignment()));
    }
}
