package dev.newsflow.enrich.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An in-memory story index with the same decisions as the topology's state store, for the offline evaluation and
 * for tests: articles are offered in the order they arrive and see the earlier ones whose time lies within the
 * window of theirs. Nothing is evicted, so it suits bounded replays, not a service.
 */
public final class StoryIndex {

    private record Lead(long timestamp, long[] shingles) {
    }

    private final StoryMatcher matcher;
    private final long windowMs;
    private final Map<String, List<StoryEntry>> entries = new HashMap<>();
    private final Map<String, Lead> leads = new HashMap<>();

    public StoryIndex(StoryRule rule, Duration window) {
        this.matcher = new StoryMatcher(rule);
        this.windowMs = window.toMillis();
    }

    /** Decides the story of the next article and files it. */
    public StoryAssignment assign(String articleId, long timestamp, StoryFingerprint fingerprint) {
        StoryMatcher.Decision decision = matcher.decide(articleId, timestamp, fingerprint, new StoryMatcher.Candidates() {
            @Override
            public void scan(String key, Predicate<StoryEntry> visitor) {
                for (StoryEntry entry : entries.getOrDefault(key, List.of())) {
                    if (inWindow(entry.timestamp(), timestamp) && !visitor.test(entry)) {
                        return;
                    }
                }
            }

            @Override
            public long[] lead(String id) {
                Lead lead = leads.get(id);
                return lead != null && inWindow(lead.timestamp(), timestamp) ? lead.shingles() : null;
            }
        });
        for (String key : decision.keys()) {
            entries.computeIfAbsent(key, k -> new ArrayList<>()).add(decision.entry());
        }
        leads.put(articleId, new Lead(timestamp, fingerprint.lead()));
        return decision.assignment();
    }

    private boolean inWindow(long earlier, long now) {
        return Math.abs(earlier - now) <= windowMs;
    }
}
