package dev.newsflow.enrich.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * The "same story" decision on fingerprints, and the lookup keys that find its candidates. Two articles are
 * near-duplicates when both leads have at least {@code minShingles} distinct shingles and their Jaccard similarity
 * (shared shingles over all shingles of the two leads) is at least {@code minJaccard}. Candidates are found by
 * MinHash locality-sensitive hashing: {@value #BANDS} bands of {@value #ROWS} minimum hashes each, one store key per
 * band; a pair with Jaccard similarity J shares at least one band with probability 1 - (1 - J^3)^16, which is 0.9988
 * at J = 0.7 and 0.99999 at J = 0.8 but only 0.12 at J = 0.2, so few dissimilar candidates need checking. Candidates
 * are then checked with the exact Jaccard similarity.
 *
 * @param minJaccard  smallest Jaccard similarity of two leads of one story
 * @param minShingles fewest distinct lead shingles for an article to be compared at all
 */
public record StoryRule(double minJaccard, int minShingles) {

    /**
     * The shipped rule, tuned on the AllSides development pairs ({@code eval/dedup/README.md}): the copies of one story
     * that share their lead had Jaccard 0.82 and 1, the most similar different stories (pages opening with the same
     * quoted paragraph) 0.67. Every threshold from 0.70 to 0.80 scores the same there; 0.70, the lowest, keeps
     * copies with up to three words changed among the first hundred of the body (five changed words fall below).
     */
    public static final StoryRule DEFAULT = new StoryRule(0.7, 10);

    static final int BANDS = 16;
    static final int ROWS = 3;
    private static final long[] SEEDS = new long[BANDS * ROWS];

    static {
        long seed = 0x5eed_0f_57_0e1e5L;
        for (int i = 0; i < SEEDS.length; i++) {
            seed = Shingles.mix(seed + 0x9e3779b97f4a7c15L);
            SEEDS[i] = seed;
        }
    }

    public StoryRule {
        if (!(minJaccard > 0 && minJaccard <= 1)) {
            throw new IllegalArgumentException("minJaccard must be in (0, 1], got " + minJaccard);
        }
        if (minShingles < 1) {
            throw new IllegalArgumentException("minShingles must be positive, got " + minShingles);
        }
    }

    /** Jaccard similarity of two sorted sets of distinct hashes. */
    public static double jaccard(long[] a, long[] b) {
        int shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - shared;
        return union == 0 ? 0 : shared / (double) union;
    }

    public boolean comparable(long[] lead) {
        return lead.length >= minShingles;
    }

    /** Whether the near-duplicate test accepts the pair (exact matches are decided by their own keys). */
    public boolean near(StoryFingerprint a, StoryFingerprint b) {
        return comparable(a.lead()) && comparable(b.lead()) && jaccard(a.lead(), b.lead()) >= minJaccard;
    }

    /** Store keys under which {@code fingerprint} is filed and looked up: URL, content, then the MinHash bands. */
    public List<String> keys(StoryFingerprint fingerprint) {
        List<String> keys = new ArrayList<>(2 + BANDS);
        keys.add("u:" + fingerprint.urlKey());
        keys.add("c:" + fingerprint.contentHash());
        if (comparable(fingerprint.lead())) {
            long[] minima = new long[SEEDS.length];
            java.util.Arrays.fill(minima, Long.MAX_VALUE);
            for (long shingle : fingerprint.lead()) {
                for (int i = 0; i < SEEDS.length; i++) {
                    minima[i] = Math.min(minima[i], Shingles.mix(shingle ^ SEEDS[i]));
                }
            }
            for (int band = 0; band < BANDS; band++) {
                long h = 0;
                for (int row = 0; row < ROWS; row++) {
                    h = Shingles.mix(h * 0x9e3779b97f4a7c15L + minima[band * ROWS + row]);
                }
                keys.add("m" + band + ":" + Long.toHexString(h));
            }
        }
        return keys;
    }
}
