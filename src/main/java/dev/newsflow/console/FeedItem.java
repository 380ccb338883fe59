package dev.newsflow.console;

import dev.newsflow.schema.EnrichedArticle;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the live feed shows of one enriched article: a summary small enough to send to every browser.
 *
 * @param published ISO-8601 instant from the crawler, or null
 * @param processed ISO-8601 instant newsflow enriched it
 */
record FeedItem(String id, String title, String source, String url, String language, String published,
                String processed, List<TopicScore> topics, List<EntityRef> entities, String storyId,
                boolean duplicate, String duplicateOf) {

    /** A topic and its score. */
    record TopicScore(String id, double score) {
    }

    /** An entity as the feed lists it. */
    record EntityRef(String id, String name, String type) {
    }

    /** The feed names at most this many entities per article (the most salient: the record lists them first). */
    static final int MAX_ENTITIES = 12;

    static FeedItem of(EnrichedArticle article) {
        Instant published = article.getPublishedAt();
        return new FeedItem(article.getId(), article.getTitle(), article.getSource().getName(), article.getUrl(),
                article.getLanguage().getCode(), published == null ? null : published.toString(),
                article.getProvenance().getProcessedAt().toString(),
                article.getTopics().stream().map(t -> new TopicScore(t.getId(), t.getScore())).toList(),
                article.getEntities().stream().limit(MAX_ENTITIES)
                        .map(e -> new EntityRef(e.getId(), e.getName(), e.getType().name().toLowerCase(Locale.ROOT)))
                        .toList(),
                article.getStory().getStoryId(), article.getStory().getDuplicate(), article.getStory().getDuplicateOf());
    }
}
