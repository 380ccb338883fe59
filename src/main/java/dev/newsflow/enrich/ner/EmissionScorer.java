package dev.newsflow.enrich.ner;

import java.util.Arrays;
import java.util.List;

/**
 * Sums the quantised feature weights of every token of a sentence, for both passes at once, exactly as looking up
 * every key of {@link Features#extract} would, but with far fewer lookups: most features depend on one word alone
 * ({@link Features#wordFeatures}, {@link Features#neighbourFeatures}), so their summed weights are kept per word
 * in a direct-mapped cache, and only the dozen {@link Features#contextFeatures} are looked up per token. News
 * repeats its words, so most tokens cost one cache probe instead of about forty feature-table cache misses.
 *
 * <p>Thread-confined: one per thread, holding its own cache and buffers.
 */
final class EmissionScorer {
    /** Cached scores per word: as the tagged token itself, then as each of {@link Features#NEIGHBOURS}. */
    private static final int POSITIONS = 1 + Features.NEIGHBOURS.length;
    /** Mixed into the key of a word in an all-capitals headline, whose own features differ. */
    private static final long CAPS_SALT = 0x9E3779B97F4A7C15L;

    private final FeatureTable rowOf;
    private final short[] w;
    private final int width;
    private final Features fx;
    private final long[] keys = new long[Features.MAXF];
    private final int[] rows = new int[Features.MAXF];
    /** The neighbour scores of the sentence boundary, at {@code p * width} for position p (0 unused). */
    private final int[] boundary;

    private final int mask;
    private final long[] slotKey;
    private final long[] slotLower;
    private final long[] slotShape;
    private final int[] slotClusterRow;
    private final int[] slotCapBucket;
    /** slot * POSITIONS * width + position * width + column. */
    private final int[] slotScores;

    private int[] acc = new int[0];
    private long lookups;
    private long misses;

    /**
     * {@code w} holds rows of {@code width} weights (the row of a key from {@code rowOf}); {@code cacheSlots}
     * (a power of two) words are cached.
     */
    EmissionScorer(FeatureTable rowOf, short[] w, int width, Lexicon lexicon, int cacheSlots) {
        if (Integer.bitCount(cacheSlots) != 1) {
            throw new IllegalArgumentException("cache slots must be a power of two: " + cacheSlots);
        }
        this.rowOf = rowOf;
        this.w = w;
        this.width = width;
        this.fx = new Features(lexicon);
        this.mask = cacheSlots - 1;
        slotKey = new long[cacheSlots];
        slotLower = new long[cacheSlots];
        slotShape = new long[cacheSlots];
        slotClusterRow = new int[cacheSlots];
        slotCapBucket = new int[cacheSlots];
        slotScores = new int[cacheSlots * POSITIONS * width];
        boundary = new int[POSITIONS * width];
        for (int p = 1; p < POSITIONS; p++) {
            int d = Features.NEIGHBOURS[p - 1];
            int outside = d < 0 ? d : d - 1; // before the first or after the last token of an empty sentence
            int f = fx.neighbourFeatures(null, 0, outside, d, keys, 0);
            addWeights(f, boundary, p * width);
        }
    }

    /**
     * The summed weights of every token of {@code toks}: {@code [i * width, (i + 1) * width)} for token i, valid
     * until the next call. Document hints are not included (see {@link Features#hintFeatures}).
     */
    int[] score(String[] toks, boolean caps) {
        Joined j = Joined.of(List.<String[]>of(toks));
        return score(j.text, j.start, j.end, 0, toks.length, caps);
    }

    /**
     * As {@link #score(String[], boolean)} for the sentence of the {@code n} tokens {@code text[start[i], end[i])},
     * i in {@code [from, from + n)}: a string is made only for a word the cache does not hold.
     */
    int[] score(String text, int[] start, int[] end, int from, int n, boolean caps) {
        fx.begin(n);
        if (acc.length < n * width) {
            acc = new int[Math.max(n * width, acc.length * 2)];
        }
        Arrays.fill(acc, 0, n * width, 0);
        // each word adds its cached scores to itself and to the tokens it is a neighbour of; a slot is used at once,
        // so a later word of the sentence may evict it
        for (int j = 0; j < n; j++) {
            int base = slotOf(text, start[from + j], end[from + j], j, n, caps) * POSITIONS * width;
            add(slotScores, base, j);
            for (int p = 1; p < POSITIONS; p++) {
                int i = j - Features.NEIGHBOURS[p - 1];
                if (i >= 0 && i < n) {
                    add(slotScores, base + p * width, i);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int p = 1; p < POSITIONS; p++) {
                int j = i + Features.NEIGHBOURS[p - 1];
                if (j < 0 || j >= n) {
                    add(boundary, p * width, i);
                }
            }
            int f = fx.contextFeatures(i, n, caps, keys, 0);
            addWeights(f, acc, i * width);
        }
        return acc;
    }

    /** Share of words found in the cache since this scorer was made (for tuning its size). */
    double hitRate() {
        return lookups == 0 ? 0 : 1 - (double) misses / lookups;
    }

    /** The cache slot holding word {@code j}'s scores, filled now on a miss; also prepares the token in {@code fx}. */
    private int slotOf(String text, int start, int end, int j, int n, boolean caps) {
        long exact = Features.hashExact(text, start, end);
        long key = caps ? exact ^ CAPS_SALT : exact;
        if (key == 0) {
            key = 1; // 0 marks an empty slot
        }
        int s = (int) key & mask;
        lookups++;
        if (slotKey[s] == key) {
            fx.setToken(j, exact, slotLower[s], slotShape[s], slotClusterRow[s], slotCapBucket[s]);
            return s;
        }
        misses++;
        String word = text.substring(start, end);
        fx.prepareToken(word, j, exact);
        slotKey[s] = key;
        slotLower[s] = fx.lower[j];
        slotShape[s] = fx.shape[j];
        slotClusterRow[s] = fx.crow[j];
        slotCapBucket[s] = fx.capb[j];
        int base = s * POSITIONS * width;
        Arrays.fill(slotScores, base, base + POSITIONS * width, 0);
        addWeights(fx.wordFeatures(word, j, caps, keys, 0), slotScores, base);
        for (int p = 1; p < POSITIONS; p++) {
            int f = fx.neighbourFeaturesOf(word, n, j, Features.NEIGHBOURS[p - 1], keys, 0);
            addWeights(f, slotScores, base + p * width);
        }
        return s;
    }

    /** Adds {@code from[off, off + width)} to token {@code i}'s scores. */
    private void add(int[] from, int off, int i) {
        int to = i * width;
        for (int t = 0; t < width; t++) {
            acc[to + t] += from[off + t];
        }
    }

    /** Adds the weights of {@code keys[0, f)} to {@code to[off, off + width)}. */
    private void addWeights(int f, int[] to, int off) {
        for (int q = 0; q < f; q++) {
            rows[q] = rowOf.get(keys[q]); // independent loads first, so that the CPU overlaps their cache misses
        }
        for (int q = 0; q < f; q++) {
            int r = rows[q];
            if (r >= 0) {
                int b = r * width;
                for (int t = 0; t < width; t++) {
                    to[off + t] += w[b + t];
                }
            }
        }
    }
}
