package dev.newsflow.enrich.ner;

/**
 * Allocation-free sparse feature extraction: every feature is a 64-bit hash of a template id and token-level
 * values that are computed once per token. Instances hold per-sentence scratch arrays and are thread-confined.
 */
final class Features {
    static final int MAXF = 72;
    private static final long BOS = 0x5bd1e9955bd1e995L;
    private static final long EOS = 0x27d4eb2f165667c5L;
    private static final long NONE = 0x165667b19e3779f9L;

    private final Lexicon lex;
    private int cap;
    long[] exact = new long[0];
    long[] lower = new long[0];
    long[] shape = new long[0];
    int[] crow = new int[0];
    int[] capb = new int[0];
    /** optional per-token document hint (hash), 0 when none. */
    long[] hint = new long[0];

    Features(Lexicon lex) {
        this.lex = lex;
    }

    private void ensure(int n) {
        if (n > cap) {
            cap = Math.max(n, cap * 2);
            exact = new long[cap];
            lower = new long[cap];
            shape = new long[cap];
            crow = new int[cap];
            capb = new int[cap];
            hint = new long[cap];
        }
    }

    static char norm(char c) {
        switch (c) {
            case '\u2019', '\u2018', '\u0060', '\u00b4' -> { return '\''; }
            case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb' -> { return '"'; }
            case '\u2013', '\u2014', '\u2015', '\u2212' -> { return '-'; }
            default -> { return c; }
        }
    }

    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    static long hashExact(String s) {
        return hashExact(s, 0, s.length());
    }

    /** {@link #hashExact(String)} of {@code s[from, to)}. */
    static long hashExact(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ norm(s.charAt(i))) * 0x100000001b3L;
        }
        return mix(h);
    }

    static long hashLower(String s) {
        return hashLower(s, 0, s.length());
    }

    /** {@link #hashLower(String)} of {@code s[from, to)}. */
    static long hashLower(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            char c = Character.toLowerCase(norm(s.charAt(i)));
            if (c >= '0' && c <= '9') {
                c = '0';
            }
            h = (h ^ c) * 0x100000001b3L;
        }
        return mix(h);
    }

    static long hashTitle(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            char c = norm(s.charAt(i));
            c = i == 0 ? Character.toUpperCase(c) : Character.toLowerCase(c);
            h = (h ^ c) * 0x100000001b3L;
        }
        return mix(h);
    }

    private static long hashRange(String s, int from, int to, long seed) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (int i = from; i < to; i++) {
            h = (h ^ norm(s.charAt(i))) * 0x100000001b3L;
        }
        return h;
    }

    /** Collapsed shape: X upper, x lower, d digit, other chars as themselves; runs collapsed. */
    static long hashShape(String s) {
        return hashShape(s, 0, s.length());
    }

    /** {@link #hashShape(String)} of {@code s[from, to)}. */
    static long hashShape(String s, int from, int to) {
        long h = 0x84222325cbf29ce4L;
        char prev = 0;
        int len = to - from;
        for (int i = from; i < to; i++) {
            char c = norm(s.charAt(i));
            char k = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x'
                    : Character.isDigit(c) ? 'd' : Character.isLetter(c) ? 'x' : c;
            if (k != prev) {
                h = (h ^ k) * 0x100000001b3L;
                prev = k;
            }
        }
        // length bucket of short words keeps "Xx" for "Al" apart from "Xx" for "Alexander"
        int lb = len <= 1 ? 1 : len <= 3 ? 2 : len <= 5 ? 3 : 4;
        return mix(h + lb);
    }

    private static long k(int t, long a) {
        return mix(a + 0x9E3779B97F4A7C15L * (t + 1));
    }

    private static long k(int t, long a, long b) {
        return mix(k(t, a) ^ (b * 0xD6E8FEB86659FD93L));
    }

    private static long k(int t, long a, long b, long c) {
        return mix(k(t, a, b) + c * 0x9E3779B97F4A7C15L);
    }

    private long L(int i, int n) {
        return i < 0 ? BOS : i >= n ? EOS : lower[i];
    }

    private long S(int i, int n) {
        return i < 0 ? BOS : i >= n ? EOS : shape[i];
    }

    private long C(int i, int n, int level) {
        return i < 0 ? BOS : i >= n ? EOS : cluster(i, level);
    }

    /** The cluster of token {@code i} at {@code level}, plus one; {@link #NONE} for a word without clusters. */
    private long cluster(int i, int level) {
        int r = crow[i];
        return r < 0 ? NONE : lex.cluster(r, level) + 1;
    }

    /** Computes token values for a sentence; call before {@link #extract}. */
    void prepare(String[] toks) {
        begin(toks.length);
        for (int i = 0; i < toks.length; i++) {
            prepareToken(toks[i], i, hashExact(toks[i]));
        }
    }

    /** Makes room for a sentence of {@code n} tokens and clears its document hints. */
    void begin(int n) {
        ensure(n);
        java.util.Arrays.fill(hint, 0, Math.min(hint.length, 2 * n), 0L);
    }

    /** Computes the values of token {@code i} ({@code exactHash} is {@link #hashExact} of it). */
    void prepareToken(String w, int i, long exactHash) {
        exact[i] = exactHash;
        lower[i] = hashLower(w);
        shape[i] = hashShape(w);
        crow[i] = lex.clusterRow(w, exactHash);
        capb[i] = lex.capBucket(lower[i]);
    }

    /** Sets the values of token {@code i} to ones {@link #prepareToken} computed earlier for the same word. */
    void setToken(int i, long exactHash, long lowerHash, long shapeHash, int clusterRow, int capBucket) {
        exact[i] = exactHash;
        lower[i] = lowerHash;
        shape[i] = shapeHash;
        crow[i] = clusterRow;
        capb[i] = capBucket;
    }

    /**
     * The document-hint features of token {@code i} (none when it and its neighbours have no hint); {@code s0}
     * is the token's shape hash. Returns how many were written at {@code off}.
     */
    static int hintFeatures(int n, long[] hint, int i, long s0, long[] out, int off) {
        int f = off;
        if (hint[i] != 0) {
            out[f++] = k(90, hint[i]);
            out[f++] = k(91, hint[i], s0);
            out[f++] = k(94, hint[n + i]);
        }
        if (i > 0 && hint[i - 1] != 0) {
            out[f++] = k(92, hint[i - 1]);
        }
        if (i + 1 < n && hint[i + 1] != 0) {
            out[f++] = k(93, hint[i + 1]);
        }
        return f - off;
    }

    /** Sets the document hints of the prepared sentence (see {@link DocHints}); null leaves none. */
    void setHints(long[] h) {
        if (h != null) {
            if (hint.length < h.length) {
                hint = java.util.Arrays.copyOf(hint, h.length);
            }
            System.arraycopy(h, 0, hint, 0, h.length);
        }
    }

    /** As {@link #allCaps(String[])} for the tokens {@code text[start[i], end[i])}, i in {@code [from, from + n)}. */
    static boolean allCaps(String text, int[] start, int[] end, int from, int n) {
        int upperWords = 0;
        for (int j = from; j < from + n; j++) {
            boolean hasLower = false;
            int letters = 0;
            for (int k = start[j]; k < end[j]; k++) {
                char c = text.charAt(k);
                if (Character.isLowerCase(c)) {
                    hasLower = true;
                    break;
                }
                if (Character.isLetter(c)) {
                    letters++;
                }
            }
            if (hasLower) {
                return false;
            }
            if (letters >= 2) {
                upperWords++;
            }
        }
        return upperWords >= 2;
    }

    static boolean allCaps(String[] toks) {
        int upperWords = 0;
        for (String w : toks) {
            boolean hasLower = false;
            int letters = 0;
            for (int k = 0; k < w.length(); k++) {
                char c = w.charAt(k);
                if (Character.isLowerCase(c)) {
                    hasLower = true;
                    break;
                }
                if (Character.isLetter(c)) {
                    letters++;
                }
            }
            if (hasLower) {
                return false;
            }
            if (letters >= 2) {
                upperWords++;
            }
        }
        return upperWords >= 2;
    }

    /**
     * Writes the feature keys of token {@code i} into {@code out} at {@code off}; returns how many. They are the
     * union of {@link #wordFeatures} of the token, {@link #neighbourFeatures} of the words at
     * {@link #NEIGHBOURS}, {@link #contextFeatures} and {@link #hintFeatures}.
     */
    int extract(String[] toks, int i, boolean caps, long[] out, int off) {
        int n = toks.length;
        int f = off;
        f += wordFeatures(toks[i], i, caps, out, f);
        for (int d : NEIGHBOURS) {
            f += neighbourFeatures(toks, n, i + d, d, out, f);
        }
        f += contextFeatures(i, n, caps, out, f);
        f += hintFeatures(n, hint, i, shape[i], out, f);
        return f - off;
    }

    /** The window positions, relative to the tagged token, whose word gives features of its own. */
    static final int[] NEIGHBOURS = {-2, -1, 1, 2};

    /**
     * The features of token {@code i} that depend on its word alone (and on the sentence being an all-capitals
     * headline), plus the bias: the same for every occurrence of the word, so a tagger can cache their weights.
     */
    int wordFeatures(String w, int i, boolean caps, long[] out, int off) {
        int f = off;
        long l0 = lower[i];
        long s0 = shape[i];
        long capsFlag = caps ? 7 : 3;
        out[f++] = k(0, 1);
        out[f++] = k(1, exact[i]);
        out[f++] = k(2, l0);
        out[f++] = k(9, s0);
        int len = w.length();
        for (int p = 1; p <= 4 && p <= len; p++) {
            out[f++] = k(17 + p, hashRange(w, 0, p, 17));
            out[f++] = k(22 + p, hashRange(w, len - p, len, 23));
        }
        out[f++] = k(30, s0, capsFlag);
        out[f++] = k(31, l0, capsFlag);
        out[f++] = k(34, capb[i], s0);
        for (int lv = 0; lv < lex.levels; lv++) {
            long c0 = cluster(i, lv);
            out[f++] = k(40 + lv, c0);
            out[f++] = k(70 + lv, c0, s0);
        }
        return f - off;
    }

    /**
     * The features that the word at {@code j} gives the token {@code j - d} it is the neighbour of ({@code d} one of
     * {@link #NEIGHBOURS}); {@code j} outside {@code [0, n)} is the sentence boundary. They depend on that one word
     * alone, so a tagger can cache their weights per word and position.
     */
    int neighbourFeatures(String[] toks, int n, int j, int d, long[] out, int off) {
        return neighbourFeaturesOf(j >= 0 && j < n ? toks[j] : null, n, j, d, out, off);
    }

    /** As {@link #neighbourFeatures}, given the word at {@code j} (null outside the sentence). */
    int neighbourFeaturesOf(String word, int n, int j, int d, long[] out, int off) {
        int f = off;
        switch (d) {
            case -2, 2 -> {
                out[f++] = k(d < 0 ? 5 : 6, L(j, n));
                out[f++] = k(d < 0 ? 12 : 13, S(j, n));
                if (lex.levels > 1) {
                    out[f++] = k(d < 0 ? 82 : 83, C(j, n, 0));
                }
            }
            case -1, 1 -> {
                out[f++] = k(d < 0 ? 3 : 4, L(j, n));
                out[f++] = k(d < 0 ? 10 : 11, S(j, n));
                if (j >= 0 && j < n) { // the neighbour's 3-character suffix
                    String w = word;
                    int len = w.length();
                    int t = d < 0 ? 32 : 33;
                    out[f++] = k(t, hashRange(w, Math.max(0, len - 3), len, t));
                }
                for (int lv = 0; lv < lex.levels; lv++) {
                    out[f++] = k((d < 0 ? 50 : 60) + lv, C(j, n, lv));
                }
            }
            default -> throw new IllegalArgumentException("not a neighbour position: " + d);
        }
        return f - off;
    }

    /** The features of token {@code i} that combine it with its neighbours or its place in the sentence. */
    int contextFeatures(int i, int n, boolean caps, long[] out, int off) {
        int f = off;
        long l0 = lower[i];
        long s0 = shape[i];
        long lm1 = L(i - 1, n), lp1 = L(i + 1, n);
        long sm1 = S(i - 1, n), sp1 = S(i + 1, n);
        long capsFlag = caps ? 7 : 3;
        long start = i == 0 ? 1 : 2;
        out[f++] = k(7, lm1, l0);
        out[f++] = k(8, l0, lp1);
        out[f++] = k(14, sm1, s0);
        out[f++] = k(15, s0, sp1);
        out[f++] = k(16, sm1, s0, sp1);
        out[f++] = k(27, s0, start, capsFlag);
        out[f++] = k(28, lm1, s0);
        out[f++] = k(29, s0, lp1);
        out[f++] = k(35, capb[i], start, capsFlag);
        if (lex.levels > 1) {
            int mid = lex.levels / 2;
            long cMid = C(i, n, mid);
            out[f++] = k(80, C(i - 1, n, mid), cMid);
            out[f++] = k(81, cMid, C(i + 1, n, mid));
            out[f++] = k(84, lm1, cMid);
        }
        return f - off;
    }
}
