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
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ norm(s.charAt(i))) * 0x100000001b3L;
        }
        return mix(h);
    }

    static long hashLower(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
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
        long h = 0x84222325cbf29ce4L;
        char prev = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
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
        if (i < 0) {
            return BOS;
        }
        if (i >= n) {
            return EOS;
        }
        int r = crow[i];
        return r < 0 ? NONE : lex.cluster(r, level) + 1;
    }

    /** Computes token values for a sentence; call before {@link #extract}. */
    void prepare(String[] toks) {
        int n = toks.length;
        ensure(n);
        for (int i = 0; i < n; i++) {
            String w = toks[i];
            exact[i] = hashExact(w);
            lower[i] = hashLower(w);
            shape[i] = hashShape(w);
            crow[i] = lex.clusterRow(w, exact[i]);
            capb[i] = lex.capBucket(lower[i]);
            hint[i] = 0;
        }
        if (hint.length >= 2 * n) {
            java.util.Arrays.fill(hint, n, 2 * n, 0L);
        }
    }

    /**
     * The document-hint features of token {@code i} (none when it and its neighbours have no hint); {@code s0}
     * is the token's shape hash. Returns how many were written at {@code off}.
     */
    static int hintFeatures(String[] toks, long[] hint, int i, long s0, long[] out, int off) {
        int n = toks.length;
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
     * Writes the feature keys of token {@code i} into {@code out} at {@code off}; returns how many.
     */
    int extract(String[] toks, int i, boolean caps, long[] out, int off) {
        int n = toks.length;
        int f = off;
        String w = toks[i];
        long l0 = lower[i];
        long s0 = shape[i];
        long lm1 = L(i - 1, n), lp1 = L(i + 1, n);
        long sm1 = S(i - 1, n), sp1 = S(i + 1, n);
        long capsFlag = caps ? 7 : 3;
        out[f++] = k(0, 1);
        out[f++] = k(1, exact[i]);
        out[f++] = k(2, l0);
        out[f++] = k(3, lm1);
        out[f++] = k(4, lp1);
        out[f++] = k(5, L(i - 2, n));
        out[f++] = k(6, L(i + 2, n));
        out[f++] = k(7, lm1, l0);
        out[f++] = k(8, l0, lp1);
        out[f++] = k(9, s0);
        out[f++] = k(10, sm1);
        out[f++] = k(11, sp1);
        out[f++] = k(12, S(i - 2, n));
        out[f++] = k(13, S(i + 2, n));
        out[f++] = k(14, sm1, s0);
        out[f++] = k(15, s0, sp1);
        out[f++] = k(16, sm1, s0, sp1);
        int len = w.length();
        for (int p = 1; p <= 4 && p <= len; p++) {
            out[f++] = k(17 + p, hashRange(w, 0, p, 17));
            out[f++] = k(22 + p, hashRange(w, len - p, len, 23));
        }
        out[f++] = k(27, s0, i == 0 ? 1 : 2, capsFlag);
        out[f++] = k(28, lm1, s0);
        out[f++] = k(29, s0, lp1);
        out[f++] = k(30, s0, capsFlag);
        out[f++] = k(31, l0, capsFlag);
        // previous/next word suffixes (3)
        if (i > 0) {
            String pw = toks[i - 1];
            int pl = pw.length();
            out[f++] = k(32, hashRange(pw, Math.max(0, pl - 3), pl, 32));
        }
        if (i + 1 < n) {
            String nw = toks[i + 1];
            int nl = nw.length();
            out[f++] = k(33, hashRange(nw, Math.max(0, nl - 3), nl, 33));
        }
        // capitalisation statistics from unlabelled news
        int cb = capb[i];
        out[f++] = k(34, cb, s0);
        out[f++] = k(35, cb, i == 0 ? 1 : 2, capsFlag);
        // word clusters
        int levels = lex.levels;
        for (int lv = 0; lv < levels; lv++) {
            long c0 = C(i, n, lv);
            out[f++] = k(40 + lv, c0);
            out[f++] = k(50 + lv, C(i - 1, n, lv));
            out[f++] = k(60 + lv, C(i + 1, n, lv));
            out[f++] = k(70 + lv, c0, s0);
        }
        if (levels > 1) {
            int mid = levels / 2;
            out[f++] = k(80, C(i - 1, n, mid), C(i, n, mid));
            out[f++] = k(81, C(i, n, mid), C(i + 1, n, mid));
            out[f++] = k(82, C(i - 2, n, 0));
            out[f++] = k(83, C(i + 2, n, 0));
            out[f++] = k(84, lm1, C(i, n, mid));
        }
        f += hintFeatures(toks, hint, i, s0, out, f);
        return f - off;
    }
}
