package dev.newsflow.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * One article that matched one subscription: all the alert stage needs of it, so the article itself need not travel
 * to the partition that keeps the story's state.
 *
 * @param matchedTopics   the subscription's topics the article carries at or above the minimum score, with scores
 * @param matchedEntities the subscription's entity ids the article names, with their names
 */
public record Sighting(String subscriptionId, String articleId, String storyId, String source, String title,
                       String url, Instant time, Map<String, Double> matchedTopics,
                       Map<String, String> matchedEntities) {
}
