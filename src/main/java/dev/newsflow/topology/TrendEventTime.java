package dev.newsflow.topology;

import dev.newsflow.schema.EnrichedArticle;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Stamps each article with its event time for the trend windows: when it was published, else (also for a publication
 * time before 1970) when it was fetched.
 * Trends are about when things were reported, not when newsflow happened to read them (a backlog or a replay must
 * count into the same windows as live traffic).
 */
final class TrendEventTime extends ContextualFixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {

    /**
     * Event times are clamped to this far after processing: the windows expire whatever is older than the newest time
     * they saw minus the grace, so one article stamped days ahead (the validator lets a day through) would make every
     * honest article late.
     */
    static final Duration MAX_AHEAD = Duration.ofHours(1);

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
        context().forward(record.withTimestamp(of(record.value())));
    }

    static long of(EnrichedArticle article) {
        Instant published = article.getPublishedAt();
        // A time before 1970 is a crawler's bug, and Kafka refuses negative timestamps: fall back to the fetch time,
        // which the validator holds positive.
        long time = (published != null && !published.isBefore(Instant.EPOCH) ? published : article.getFetchedAt())
                .toEpochMilli();
        long latest = article.getProvenance().getProcessedAt().plus(MAX_AHEAD).toEpochMilli();
        return Math.min(time, latest);
    }
}
