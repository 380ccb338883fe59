package dev.newsflow.topology;

import dev.newsflow.alerts.ArticleFacts;
import dev.newsflow.alerts.Sighting;
import dev.newsflow.alerts.Subscription;
import dev.newsflow.alerts.SubscriptionBook;
import dev.newsflow.alerts.SubscriptionMatcher;
import dev.newsflow.schema.EnrichedArticle;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Matches each storied article against every subscription in force, on the article's own partition (the
 * subscriptions are a global store), and forwards one small {@link Sighting} per match keyed by story id.
 */
final class AlertMatcher extends ContextualProcessor<String, EnrichedArticle, String, Sighting> {

    private final SubscriptionBook book;

    AlertMatcher(SubscriptionBook book) {
        this.book = book;
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        if (book.all().isEmpty()) {
            return;
        }
        ArticleFacts facts = AlertFacts.of(record.value(), Instant.ofEpochMilli(record.timestamp()));
        for (Subscription subscription : book.all()) {
            SubscriptionMatcher.match(subscription, facts).ifPresent(sighting ->
                    context().forward(record.withKey(sighting.storyId()).withValue(sighting)));
        }
    }
}
