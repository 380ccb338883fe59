package dev.newsflow.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one subscription has seen of one story in the current episode: which sources reported it (corroboration),
 * which articles, whether and when it alerted, and how many later copies it kept quiet about. An episode starts
 * with the first matching article and ends at {@link #expiresAt()}: a window after the alert, or, while no alert
 * was due, a window after the first article (corroboration must come within one window).
 *
 * @param sources    distinct outlets in the order they reported the story, at most {@value #MAX_LISTED}
 * @param articleIds the episode's articles in arrival order, at most {@value #MAX_LISTED}
 * @param articles   how many matching articles the episode has seen (also beyond the listed ones)
 * @param alertedAt  event time of the alert, or null while corroboration is still awaited
 * @param suppressed copies seen after the alert and not alerted
 */
public record StoryWatch(String firstArticleId, Instant firstSeen, Instant lastSeen, List<String> sources,
                         List<String> articleIds, int articles, Instant alertedAt, int suppressed, Instant expiresAt) {

    /** Enough evidence for any alert (minSources is at most 50) while keeping the state of a huge story small. */
    public static final int MAX_LISTED = 100;

    public StoryWatch {
        sources = List.copyOf(sources);
        articleIds = List.copyOf(articleIds);
    }

    /** The outcome of one sighting: the new state, and whether it is the one that alerts. */
    public record Step(StoryWatch state, boolean alert) {
    }

    /**
     * Folds one sighting into {@code previous} (null when the story is new to the subscription, or its episode
     * expired): alerts when the sources reach {@code minSources} for the first time in the episode.
     */
    public static Step observe(StoryWatch previous, Sighting sighting, Subscription subscription) {
        Instant at = sighting.time();
        StoryWatch current = previous == null || !at.isBefore(previous.expiresAt()) ? null : previous;
        List<String> sources = new ArrayList<>(current == null ? List.of() : current.sources());
        if (sources.size() < MAX_LISTED && sources.stream().noneMatch(s -> sameSource(s, sighting.source()))) {
            sources.add(sighting.source());
        }
        List<String> ids = new ArrayList<>(current == null ? List.of() : current.articleIds());
        if (ids.size() < MAX_LISTED) {
            ids.add(sighting.articleId());
        }
        String first = current == null ? sighting.articleId() : current.firstArticleId();
        Instant firstSeen = current == null || at.isBefore(current.firstSeen()) ? at : current.firstSeen();
        Instant lastSeen = current == null || at.isAfter(current.lastSeen()) ? at : current.lastSeen();
        int articles = current == null ? 1 : current.articles() + 1;
        if (current != null && current.alertedAt() != null) {
            return new Step(new StoryWatch(first, firstSeen, lastSeen, sources, ids, articles, current.alertedAt(),
                    current.suppressed() + 1, current.expiresAt()), false);
        }
        if (sources.size() >= subscription.minSources()) {
            return new Step(new StoryWatch(first, firstSeen, lastSeen, sources, ids, articles, at, 0,
                    at.plus(subscription.suppressFor())), true);
        }
        return new Step(new StoryWatch(first, firstSeen, lastSeen, sources, ids, articles, null, 0,
                firstSeen.plus(subscription.suppressFor())), false);
    }

    private static boolean sameSource(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
