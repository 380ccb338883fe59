package dev.newsflow.topology;

import dev.newsflow.alerts.ArticleFacts;
import dev.newsflow.schema.EnrichedArticle;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An enriched article as the alerts library sees it: the topology and the alert evaluation read it the same way. */
public final class AlertFacts {

    private AlertFacts() {
    }

    /** {@code time} is the record's event time (its timestamp). */
    public static ArticleFacts of(EnrichedArticle article, Instant time) {
        Map<String, Double> topics = new LinkedHashMap<>();
        article.getTopics().forEach(t -> topics.putIfAbsent(t.getId(), t.getScore()));
        Map<String, String> entities = new LinkedHashMap<>();
        article.getEntities().forEach(e -> entities.putIfAbsent(e.getId(), e.getName()));
        return new ArticleFacts(article.getId(), article.getStory().getStoryId(), article.getStory().getDuplicate(),
                article.getSource().getName(), article.getSource().getDomain(), article.getLanguage().getCode(),
                article.getTitle(), article.getUrl(), topics, entities, time);
    }
}
