package dev.newsflow.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One watchlist subscription: what articles it wants, how sure newsflow must be before it alerts, and for how long
 * one story stays quiet after an alert. Parsed and checked by {@link SubscriptionFormat}.
 *
 * @param id           the subscription id, also the key of its alerts
 * @param owner        who gets the alerts (a team, an address); carried into every alert
 * @param severity     carried into every alert
 * @param topics       taxonomy topics the article must carry, at or above {@link TopicCondition#minScore()}
 * @param entities     entity ids the article must name
 * @param sources      outlets (source name or domain, case-insensitive) to keep or leave out
 * @param languages    ISO 639-1 codes; empty means any language
 * @param minSources   corroboration: alert once this many distinct sources reported the story (1: the first article)
 * @param suppressFor  after an alert, later articles of the story are counted, not alerted, for this long
 */
public record Subscription(String id, String owner, Severity severity, TopicCondition topics,
                           Ids entities, SourceCondition sources, Set<String> languages, int minSources,
                           Duration suppressFor) {

    /** Ids of which the article must have at least one of {@code any} (when given) and every one of {@code all}. */
    public record Ids(List<String> any, List<String> all) {
        public Ids {
            any = List.copyOf(any);
            all = List.copyOf(all);
        }

        public static final Ids NONE = new Ids(List.of(), List.of());

        boolean isEmpty() {
            return any.isEmpty() && all.isEmpty();
        }
    }

    /** Topic ids, each counting only when the article's score for it is at least {@code minScore}. */
    public record TopicCondition(Ids ids, double minScore) {
    }

    /** Outlets, lower-cased: only {@code include} (when given), never {@code exclude}. */
    public record SourceCondition(Set<String> include, Set<String> exclude) {
        public SourceCondition {
            include = Set.copyOf(include);
            exclude = Set.copyOf(exclude);
        }
    }

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(entities, "entities");
        Objects.requireNonNull(sources, "sources");
        languages = Set.copyOf(languages);
        Objects.requireNonNull(suppressFor, "suppressFor");
    }
}
