package dev.newsflow.enrich.dedup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decides an article's story from the entries filed under its keys: an earlier article with the same canonical
 * URL wins, then one with the same text (both exact duplicates, pointing at the group's first article), then the
 * most similar near-duplicate. The article joins the matched article's story, or opens its own. Used by the
 * topology's story index and by the offline evaluation alike, so both decide the same way.
 */
public final class StoryMatcher {

    /** Entries read per key at most: bounds the work a flood of copies of one text can cause. */
    static final int MAX_ENTRIES_PER_KEY = 1_000;

    /** The index as the matcher sees it: only what lies within the time window of the article being decided. */
    public interface Candidates {
        /** Offers the entries filed under {@code key}, oldest first, until the visitor returns false. */
        void scan(String key, Predicate<StoryEntry> visitor);

        /** The lead of an earlier article, or null when it is not in the window. */
        long[] lead(String articleId);
    }

    /**
     * @param assignment the verdict
     * @param entry      what to file for this article under each of {@code keys}
     * @param keys       where to file it
     */
    public record Decision(StoryAssignment assignment, StoryEntry entry, List<String> keys) {
    }

    private final StoryRule rule;

    public StoryMatcher(StoryRule rule) {
        this.rule = rule;
    }

    public StoryRule rule() {
        return rule;
    }

    public Decision decide(String articleId, long timestamp, StoryFingerprint fingerprint, Candidates candidates) {
        List<String> keys = rule.keys(fingerprint);
        StoryEntry sameUrl = first(candidates, keys.get(0));
        StoryEntry sameText = sameUrl == null ? first(candidates, keys.get(1)) : null;
        StoryAssignment assignment;
        if (sameUrl != null || sameText != null) {
            StoryEntry earlier = sameUrl != null ? sameUrl : sameText;
            long[] lead = candidates.lead(earlier.articleId());
            Double similarity = lead != null && rule.comparable(lead) && rule.comparable(fingerprint.lead())
                    ? StoryRule.jaccard(fingerprint.lead(), lead) : null;
            assignment = new StoryAssignment(earlier.storyId(), true, earlier.firstId(),
                    sameUrl != null ? MatchKind.SAME_URL : MatchKind.SAME_TEXT, similarity, earlier.articleId());
        } else {
            assignment = nearest(articleId, candidates, keys, fingerprint);
        }
        StoryEntry entry = new StoryEntry(articleId, assignment.storyId(),
                assignment.duplicate() ? assignment.duplicateOf() : articleId, timestamp);
        return new Decision(assignment, entry, keys);
    }

    private static StoryEntry first(Candidates candidates, String key) {
        StoryEntry[] found = {null};
        candidates.scan(key, entry -> {
            found[0] = entry;
            return false;
        });
        return found[0];
    }

    /** The most similar candidate at or above the rule's threshold; the earliest among equally similar ones. */
    private StoryAssignment nearest(String articleId, Candidates candidates, List<String> keys,
                                    StoryFingerprint fingerprint) {
        if (!rule.comparable(fingerprint.lead())) {
            return StoryAssignment.own(articleId);
        }
        Map<String, StoryEntry> found = new LinkedHashMap<>();
        for (String key : keys.subList(2, keys.size())) {
            int[] read = {0};
            candidates.scan(key, entry -> {
                found.putIfAbsent(entry.articleId(), entry);
                return ++read[0] < MAX_ENTRIES_PER_KEY;
            });
        }
        StoryEntry best = null;
        double bestSimilarity = -1;
        for (StoryEntry entry : found.values()) {
            long[] lead = candidates.lead(entry.articleId());
            if (lead == null || !rule.comparable(lead)) {
                continue;
            }
            double similarity = StoryRule.jaccard(fingerprint.lead(), lead);
            if (similarity >= rule.minJaccard() && (similarity > bestSimilarity
                    || similarity == bestSimilarity && entry.timestamp() < best.timestamp())) {
                best = entry;
                bestSimilarity = similarity;
            }
        }
        return best == null ? StoryAssignment.own(articleId)
                : new StoryAssignment(best.storyId(), false, null, MatchKind.NEAR_TEXT, bestSimilarity, best.articleId());
    }
}
