package dev.newsflow.alerts;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Decides whether one article matches one subscription, and with what evidence. Pure and cheap: a few map lookups. */
public final class SubscriptionMatcher {

    private SubscriptionMatcher() {
    }

    /** The sighting to hand to the alert stage, or empty when the article does not match. */
    public static Optional<Sighting> match(Subscription subscription, ArticleFacts article) {
        if (!languageMatches(subscription, article) || !sourceMatches(subscription.sources(), article)) {
            return Optional.empty();
        }
        Map<String, Double> topics = matchedTopics(subscription.topics(), article.topics());
        if (topics == null) {
            return Optional.empty();
        }
        Map<String, String> entities = matchedEntities(subscription.entities(), article.entities());
        if (entities == null) {
            return Optional.empty();
        }
        return Optional.of(new Sighting(subscription.id(), article.articleId(), article.storyId(), article.source(),
                article.title(), article.url(), article.time(), topics, entities));
    }

    private static boolean languageMatches(Subscription subscription, ArticleFacts article) {
        return subscription.languages().isEmpty() || subscription.languages().contains(article.language());
    }

    private static boolean sourceMatches(Subscription.SourceCondition sources, ArticleFacts article) {
        String name = lower(article.source());
        String domain = lower(article.domain());
        if (!sources.include().isEmpty() && !sources.include().contains(name) && !sources.include().contains(domain)) {
            return false;
        }
        return !sources.exclude().contains(name) && !sources.exclude().contains(domain);
    }

    /** The qualifying topics named by the condition, with scores, or null when the condition fails. */
    private static Map<String, Double> matchedTopics(Subscription.TopicCondition condition, Map<String, Double> scores) {
        return matched(condition.ids(), id -> {
            Double score = scores.get(id);
            return score != null && score >= condition.minScore() ? score : null;
        });
    }

    /** The entities named by the condition that the article names, or null when the condition fails. */
    private static Map<String, String> matchedEntities(Subscription.Ids condition, Map<String, String> names) {
        return matched(condition, names::get);
    }

    /**
     * Every id of {@code all} and at least one of {@code any} (unless empty) must be {@code found} (non-null); returns
     * what was found for the named ids, or null when the condition fails.
     */
    private static <V> Map<String, V> matched(Subscription.Ids ids, Function<String, V> found) {
        Map<String, V> matched = new LinkedHashMap<>();
        for (String id : ids.all()) {
            V value = found.apply(id);
            if (value == null) {
                return null;
            }
            matched.put(id, value);
        }
        boolean anyHit = ids.any().isEmpty();
        for (String id : ids.any()) {
            V value = found.apply(id);
            if (value != null) {
                matched.put(id, value);
                anyHit = true;
            }
        }
        return anyHit ? matched : null;
    }

    static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
