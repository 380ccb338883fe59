package dev.newsflow.enrich.ner;

import java.util.List;

/**
 * Document-level evidence for the second pass: for every capitalised token, the type that the first pass gave to
 * the other occurrences of the same (case-folded) word in the same document, e.g. "Clinton" tagged PER in the
 * body tells the headline "CLINTON" and the sentence-initial "Clinton" what they are.
 */
final class DocHints {
    private DocHints() { }

    private static boolean capitalised(String text, int start, int end) {
        for (int k = start; k < end; k++) {
            if (Character.isUpperCase(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hints (0 = none) per token of every sentence, from first-pass BILOU tags: for a sentence of n tokens,
     * [0, n) the majority type elsewhere (and whether unanimous), [n, 2n) the majority BILOU tag elsewhere.
     */
    static long[][] compute(List<String[]> sents, List<int[]> tags) {
        Joined j = Joined.of(sents);
        return compute(j.text, j.start, j.end, j.from, j.to, sents.size(), tags);
    }

    /**
     * As {@link #compute(List, List)} for {@code count} sentences of tokens {@code text[start[i], end[i])}, sentence k
     * being the tokens {@code [from[k], to[k])}.
     */
    static long[][] compute(String text, int[] start, int[] end, int[] from, int[] to, int count, List<int[]> tags) {
        final int types = NerModel.TYPES.length + 1;
        final int stride = types + NerModel.NT; // per word: type counts, then BILOU tag counts
        int total = 0;
        for (int s = 0; s < count; s++) {
            total += to[s] - from[s];
        }
        // every capitalised token's row of counts (-1 for others), one row per distinct case-folded word; no boxing
        int[] rowOf = new int[total];
        LongIntMap rows = new LongIntMap(Math.max(16, total / 2));
        int[] counts = new int[Math.max(16, total / 4) * stride];
        int words = 0;
        int p = 0;
        for (int s = 0; s < count; s++) {
            int[] t = tags.get(s);
            for (int i = 0; i < to[s] - from[s]; i++, p++) {
                int a = start[from[s] + i];
                int b = end[from[s] + i];
                if (!capitalised(text, a, b)) {
                    rowOf[p] = -1;
                    continue;
                }
                long key = Features.hashLower(text, a, b);
                int row = rows.putIfAbsent(key == 0 ? 1 : key, words);
                if (row < 0) {
                    row = words++;
                    if (words * stride > counts.length) {
                        counts = java.util.Arrays.copyOf(counts, counts.length * 2);
                    }
                }
                rowOf[p] = row;
                counts[row * stride + NerModel.typeOf(t[i]) + 1]++;
                counts[row * stride + types + t[i]]++;
            }
        }
        long[][] out = new long[count][];
        p = 0;
        for (int s = 0; s < count; s++) {
            int[] t = tags.get(s);
            int n = to[s] - from[s];
            long[] h = new long[2 * n];
            for (int i = 0; i < n; i++, p++) {
                int row = rowOf[p];
                if (row < 0) {
                    continue;
                }
                int c = row * stride;
                int own = NerModel.typeOf(t[i]) + 1;
                int sum = 0, best = -1, bestN = 0;
                for (int k = 0; k < types; k++) {
                    int v = counts[c + k] - (k == own ? 1 : 0);
                    sum += v;
                    if (v > bestN) {
                        bestN = v;
                        best = k;
                    }
                }
                if (sum > 0) {
                    h[i] = Features.mix(1000 + best * 2 + (bestN == sum ? 1 : 0));
                    int bt = -1, btN = 0;
                    for (int k = 0; k < NerModel.NT; k++) {
                        int v = counts[c + types + k] - (k == t[i] ? 1 : 0);
                        if (v > btN) {
                            btN = v;
                            bt = k;
                        }
                    }
                    h[n + i] = Features.mix(5000 + bt);
                }
            }
            out[s] = h;
        }
        return out;
    }
}
