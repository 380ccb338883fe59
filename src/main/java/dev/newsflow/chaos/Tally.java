package dev.newsflow.chaos;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Counts how often each input id came out, enriched or dead-lettered, and compares with what went in. */
final class Tally {

    private final Map<String, Integer> seen = new HashMap<>();
    private long enriched;
    private long deadLettered;

    void enriched(String id) {
        enriched++;
        seen.merge(String.valueOf(id), 1, Integer::sum);
    }

    void deadLettered(String id) {
        deadLettered++;
        seen.merge(String.valueOf(id), 1, Integer::sum);
    }

    /** Distinct ids seen so far. */
    int distinct() {
        return seen.size();
    }

    OutputCounts against(Collection<String> inputIds) {
        long missing = 0;
        long duplicated = 0;
        long expectedSeen = 0;
        for (String id : inputIds) {
            int times = seen.getOrDefault(id, 0);
            missing += times == 0 ? 1 : 0;
            duplicated += Math.max(0, times - 1);
            expectedSeen += times;
        }
        long unexpected = enriched + deadLettered - expectedSeen;
        return new OutputCounts(enriched, deadLettered, missing, duplicated, unexpected);
    }
}
