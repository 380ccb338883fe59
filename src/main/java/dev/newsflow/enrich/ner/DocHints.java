package dev.newsflow.enrich.ner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Document-level evidence for the second pass: for every capitalised token, the type that the first pass gave to
 * the other occurrences of the same (case-folded) word in the same document, e.g. "Clinton" tagged PER in the
 * body tells the headline "CLINTON" and the sentence-initial "Clinton" what they are.
 */
final class DocHints {
    private DocHints() { }

    private static boolean capitalised(String w) {
        for (int k = 0; k < w.length(); k++) {
            if (Character.isUpperCase(w.charAt(k))) {
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
        Map<Long, int[]> counts = new HashMap<>();
        Map<Long, int[]> tagCounts = new HashMap<>();
        for (int s = 0; s < sents.size(); s++) {
            String[] toks = sents.get(s);
            int[] t = tags.get(s);
            for (int i = 0; i < toks.length; i++) {
                if (capitalised(toks[i])) {
                    int[] c = counts.computeIfAbsent(Features.hashLower(toks[i]), x -> new int[NerModel.TYPES.length + 1]);
                    c[NerModel.typeOf(t[i]) + 1]++;
                    tagCounts.computeIfAbsent(Features.hashLower(toks[i]), x -> new int[NerModel.NT])[t[i]]++;
                }
            }
        }
        long[][] out = new long[sents.size()][];
        for (int s = 0; s < sents.size(); s++) {
            String[] toks = sents.get(s);
            int[] t = tags.get(s);
            int n = toks.length;
            long[] h = new long[2 * n];
            for (int i = 0; i < toks.length; i++) {
                if (!capitalised(toks[i])) {
                    continue;
                }
                int[] c = counts.get(Features.hashLower(toks[i]));
                int own = NerModel.typeOf(t[i]) + 1;
                int total = 0, best = -1, bestN = 0;
                for (int k = 0; k < c.length; k++) {
                    int v = c[k] - (k == own ? 1 : 0);
                    total += v;
                    if (v > bestN) {
                        bestN = v;
                        best = k;
                    }
                }
                if (total > 0) {
                    h[i] = Features.mix(1000 + best * 2 + (bestN == total ? 1 : 0));
                    int[] tc = tagCounts.get(Features.hashLower(toks[i]));
                    int bt = -1, btN = 0;
                    for (int k = 0; k < tc.length; k++) {
                        int v = tc[k] - (k == t[i] ? 1 : 0);
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
