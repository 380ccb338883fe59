package dev.newsflow.topology;

import dev.newsflow.alerts.Sighting;
import dev.newsflow.alerts.StoryWatch;
import dev.newsflow.alerts.Subscription;
import dev.newsflow.schema.Alert;
import dev.newsflow.schema.AlertSeverity;
import dev.newsflow.schema.MatchedEntity;
import dev.newsflow.schema.MatchedTopic;
import java.time.Instant;

/** Builds the {@link Alert} contract record from the alerts library's plain values. */
final class AlertRecords {

    private AlertRecords() {
    }

    static Alert alert(Subscription subscription, Sighting trigger, StoryWatch watch, Instant now) {
        return Alert.newBuilder()
                .setSubscriptionId(subscription.id())
                .setOwner(subscription.owner())
                .setSeverity(AlertSeverity.valueOf(subscription.severity().name()))
                .setStoryId(trigger.storyId())
                .setArticleId(trigger.articleId())
                .setTitle(trigger.title())
                .setUrl(trigger.url())
                .setSource(trigger.source())
                .setMatchedTopics(trigger.matchedTopics().entrySet().stream()
                        .map(e -> new MatchedTopic(e.getKey(), e.getValue())).toList())
                .setMatchedEntities(trigger.matchedEntities().entrySet().stream()
                        .map(e -> new MatchedEntity(e.getKey(), e.getValue())).toList())
                .setSourcesCount(watch.sources().size())
                .setSources(watch.sources())
                .setCorroboratingArticleIds(watch.articleIds())
                .setArticleCount(watch.articles())
                .setFirstSeenAt(watch.firstSeen())
                .setEventTime(trigger.time())
                .setSuppressUntil(watch.expiresAt())
                .setAlertedAt(now)
                .setPipelineVersion(PipelineVersion.VERSION)
                .build();
    }
}
