package dev.newsflow.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * What subscriptions look at in an enriched article, free of Kafka and Avro.
 *
 * @param topics   topic id to score, highest first
 * @param entities entity id to name, most salient first
 * @param source   outlet name; {@code domain} may be null
 * @param time     event time (the input record's timestamp): suppression and corroboration windows run on it
 */
public record ArticleFacts(String articleId, String storyId, boolean duplicate, String source, String domain,
                           String language, String title, String url, Map<String, Double> topics,
                           Map<String, String> entities, Instant time) {
}
