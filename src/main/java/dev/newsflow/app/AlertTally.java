package dev.newsflow.app;

import dev.newsflow.alerts.Subscription;
import dev.newsflow.alerts.SubscriptionMatcher;
import dev.newsflow.schema.Alert;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.topology.AlertFacts;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a replay produced, per subscription: the matching articles recounted from the enriched output with the same
 * matcher, against the alerts the topology raised. The recount is what naive per-article alerting would have sent.
 */
public final class AlertTally {

    /** Per subscription: matching articles per story, and the alerts raised. */
    private record PerSubscription(Subscription subscription, Map<String, Integer> matchedPerStory, List<Alert> alerts) {
    }

    private final Map<String, PerSubscription> bySubscription = new LinkedHashMap<>();
    private int replayed;
    private int enriched;
    private int deadLetters;

    AlertTally(List<Subscription> subscriptions) {
        subscriptions.forEach(s -> bySubscription.put(s.id(), new PerSubscription(s, new HashMap<>(), new ArrayList<>())));
    }

    void replayed() {
        replayed++;
    }

    void enriched(EnrichedArticle article, Instant time) {
        enriched++;
        for (PerSubscription per : bySubscription.values()) {
            SubscriptionMatcher.match(per.subscription(), AlertFacts.of(article, time))
                    .ifPresent(s -> per.matchedPerStory().merge(s.storyId(), 1, Integer::sum));
        }
    }

    void alert(Alert alert) {
        PerSubscription per = bySubscription.get(alert.getSubscriptionId());
        if (per == null) {
            throw new IllegalStateException("alert for unknown subscription " + alert.getSubscriptionId());
        }
        per.alerts().add(alert);
    }

    void deadLetter(DeadLetter letter) {
        deadLetters++;
    }

    /** One subscription's figures. */
    public record Row(String id, int minSources, Duration window, int matchedArticles, int stories, int alerts,
                      int alertedStories, int maxAlertsInOneWindow, int suppressed, int unalerted) {
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (PerSubscription per : bySubscription.values()) {
            Duration window = per.subscription().suppressFor();
            Map<String, List<Alert>> alertsByStory = new HashMap<>();
            per.alerts().forEach(a -> alertsByStory.computeIfAbsent(a.getStoryId(), k -> new ArrayList<>()).add(a));
            int matched = per.matchedPerStory().values().stream().mapToInt(Integer::intValue).sum();
            int inAlertedStories = alertsByStory.keySet().stream()
                    .mapToInt(story -> per.matchedPerStory().getOrDefault(story, 0)).sum();
            int ledToAlerts = per.alerts().stream().mapToInt(Alert::getArticleCount).sum();
            int maxInWindow = alertsByStory.values().stream().mapToInt(alerts -> maxWithin(alerts, window)).max().orElse(0);
            rows.add(new Row(per.subscription().id(), per.subscription().minSources(), window, matched,
                    per.matchedPerStory().size(), per.alerts().size(), alertsByStory.size(), maxInWindow,
                    inAlertedStories - ledToAlerts, matched - inAlertedStories));
        }
        return rows;
    }

    /** The most alerts of one story that fall within one window of each other (the contract says at most 1). */
    private static int maxWithin(List<Alert> alerts, Duration window) {
        List<Instant> times = alerts.stream().map(Alert::getEventTime).sorted().toList();
        int max = 0;
        for (int i = 0; i < times.size(); i++) {
            int j = i;
            while (j < times.size() && times.get(j).isBefore(times.get(i).plus(window))) {
                j++;
            }
            max = Math.max(max, j - i);
        }
        return max;
    }

    public void print(PrintStream out, Duration took) {
        out.printf("replayed %d articles in event-time order in %d s: %d enriched, %d dead letters%n", replayed,
                took.toSeconds(), enriched, deadLetters);
        out.printf("%-20s %4s %6s %8s %7s %6s %8s %11s %10s %10s %9s%n", "subscription", "min", "window", "matched",
                "stories", "alerts", "alerted", "alerts/st.", "max/window", "suppressed", "unalerted");
        out.printf("%-20s %4s %6s %8s %7s %6s %8s %11s %10s %10s %9s%n", "", "src", "", "articles", "", "", "stories",
                "", "per story", "copies", "(uncorr.)");
        for (Row r : rows()) {
            out.printf("%-20s %4d %6s %8d %7d %6d %8d %11.2f %10d %10d %9d%n", r.id(), r.minSources(),
                    r.window().toHours() + "h", r.matchedArticles(), r.stories(), r.alerts(), r.alertedStories(),
                    r.alertedStories() == 0 ? 0.0 : (double) r.alerts() / r.alertedStories(), r.maxAlertsInOneWindow(),
                    r.suppressed(), r.unalerted());
        }
        out.println("matched articles = what one alert per matching article would send; suppressed copies = matching "
                + "articles of alerted stories after their alert; unalerted = matching articles of stories that never "
                + "reached minSources; max/window must be at most 1");
    }
}
