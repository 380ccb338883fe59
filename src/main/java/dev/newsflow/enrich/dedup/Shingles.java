package dev.newsflow.enrich.dedup;

import java.util.function.LongPredicate;

/**
 * The features of near-duplicate fingerprints: 64-bit hashes of every run of {@value #WORDS} consecutive words, in
 * text order. Words are maximal runs of letters and digits, lower-cased, so punctuation, dashes, quotes and
 * spacing (which copies of one wire story render differently) do not change them.
 */
public final class Shingles {

    /** Words per shingle: long enough that unrelated articles rarely share one, short enough to survive edits. */
    public static final int WORDS = 5;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long WORD_MULTIPLIER = 0x9e3779b97f4a7c15L;

    private Shingles() {
    }

    /**
     * Hands each shingle hash of {@code text[from, to)} to {@code sink} in text order until the sink returns false.
     * A text of fewer than {@value #WORDS} words has no shingles.
     */
    public static void forEach(CharSequence text, int from, int to, LongPredicate sink) {
        long[] window = new long[WORDS];
        int words = 0;
        int i = from;
        while (i < to) {
            int cp = Character.codePointAt(text, i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            long word = FNV_OFFSET;
            while (i < to) {
                cp = Character.codePointAt(text, i);
                if (!Character.isLetterOrDigit(cp)) {
                    break;
                }
                word = (word ^ Character.toLowerCase(cp)) * FNV_PRIME;
                i += Character.charCount(cp);
            }
            window[words % WORDS] = word;
            words++;
            if (words >= WORDS && !sink.test(shingle(window, words))) {
                return;
            }
        }
    }

    /** Order-sensitive combination of the last {@value #WORDS} word hashes, finished with a strong mixer. */
    private static long shingle(long[] window, int words) {
        long h = 0;
        for (int k = words - WORDS; k < words; k++) {
            h = h * WORD_MULTIPLIER + window[k % WORDS];
        }
        return mix(h);
    }

    /** The SplitMix64 finaliser: every input bit affects every output bit, which SimHash relies on. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
