package dev.newsflow.enrich.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A linear-chain model over BILOU tags (types PER, ORG, LOC, MISC): sparse emission weights per hashed feature and
 * first-order transition weights, decoded with Viterbi. Immutable once built; decoding state lives in the caller.
 */
final class NerModel {
    static final String[] TYPES = {"PER", "ORG", "LOC", "MISC"};
    /** O, then B, I, L, U for each type. */
    static final int NT = 1 + 4 * TYPES.length;
    private static final int MAGIC = 0x4e464e52; // "NFNR"
    private static final int VERSION = 1;

    final LongIntMap rowOf;
    final float[] w;      // row * NT + tag
    final float[] trans;  // (prev or NT for start) * NT + tag
    final float[] end;    // tag -> score of ending there

    NerModel(LongIntMap rowOf, float[] w, float[] trans, float[] end) {
        this.rowOf = rowOf;
        this.w = w;
        this.trans = trans;
        this.end = end;
    }

    static int tag(int type, int bilou) {
        return 1 + 4 * type + bilou; // bilou: 0 B, 1 I, 2 L, 3 U
    }

    static int typeOf(int tag) {
        return tag == 0 ? -1 : (tag - 1) / 4;
    }

    static int partOf(int tag) {
        return tag == 0 ? -1 : (tag - 1) % 4;
    }

    /** Whether tag {@code b} may follow tag {@code a} ({@code a == NT}: sentence start). */
    static boolean allowed(int a, int b) {
        boolean aOpen = a != NT && a != 0 && (partOf(a) == 0 || partOf(a) == 1);
        if (aOpen) {
            return b != 0 && typeOf(b) == typeOf(a) && (partOf(b) == 1 || partOf(b) == 2);
        }
        return b == 0 || partOf(b) == 0 || partOf(b) == 3;
    }

    static boolean allowedEnd(int a) {
        return a == 0 || partOf(a) == 2 || partOf(a) == 3;
    }

    /** BILOU tags for gold spans over {@code n} tokens. */
    static int[] encode(List<NameSpan> spans, int n) {
        int[] t = new int[n];
        for (NameSpan s : spans) {
            int ty = typeIndex(s.type());
            if (s.end() - s.start() == 1) {
                t[s.start()] = tag(ty, 3);
            } else {
                t[s.start()] = tag(ty, 0);
                for (int i = s.start() + 1; i < s.end() - 1; i++) {
                    t[i] = tag(ty, 1);
                }
                t[s.end() - 1] = tag(ty, 2);
            }
        }
        return t;
    }

    static int typeIndex(String type) {
        for (int i = 0; i < TYPES.length; i++) {
            if (TYPES[i].equals(type)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown type " + type);
    }

    /** Spans from decoded BILOU tags, optionally dropping MISC. */
    static List<NameSpan> decodeSpans(int[] tags, int n, boolean keepMisc) {
        List<NameSpan> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < n; i++) {
            int p = partOf(tags[i]);
            if (p == 0) {
                start = i;
            } else if (p == 3 || p == 2) {
                int s = p == 3 ? i : start;
                int ty = typeOf(tags[i]);
                if (s >= 0 && (keepMisc || ty != 3)) {
                    out.add(new NameSpan(s, i + 1, TYPES[ty]));
                }
                start = -1;
            }
        }
        return out;
    }

    /**
     * Viterbi over emissions {@code em[i * NT + t]}; writes the best tags to {@code out}. {@code back} must hold
     * {@code n * NT} ints and {@code delta} {@code 2 * NT} floats.
     */
    static void viterbi(float[] em, int n, float[] trans, float[] end, int[] back, float[] delta, int[] out) {
        final float NEG = -1e30f;
        float[] cur = delta;
        for (int t = 0; t < NT; t++) {
            cur[t] = allowed(NT, t) ? trans[NT * NT + t] + em[t] : NEG;
        }
        for (int i = 1; i < n; i++) {
            int eo = i * NT;
            for (int t = 0; t < NT; t++) {
                float best = NEG;
                int arg = 0;
                for (int p : PREDS[t]) {
                    float v = cur[p] + trans[p * NT + t];
                    if (v > best) {
                        best = v;
                        arg = p;
                    }
                }
                delta[NT + t] = best + em[eo + t];
                back[eo + t] = arg;
            }
            System.arraycopy(delta, NT, delta, 0, NT);
        }
        float best = NEG;
        int arg = 0;
        for (int t = 0; t < NT; t++) {
            float v = cur[t] + end[t];
            if (v > best && allowedEnd(t)) {
                best = v;
                arg = t;
            }
        }
        out[n - 1] = arg;
        for (int i = n - 1; i > 0; i--) {
            out[i - 1] = back[i * NT + out[i]];
        }
    }

    /** For every tag, the tags that may precede it. */
    static final int[][] PREDS = new int[NT][];

    static {
        for (int b = 0; b < NT; b++) {
            int[] p = new int[NT];
            int k = 0;
            for (int a = 0; a < NT; a++) {
                if (allowed(a, b)) {
                    p[k++] = a;
                }
            }
            PREDS[b] = java.util.Arrays.copyOf(p, k);
        }
    }

    /** The 16-bit quantisation step of the weights. */
    float scale() {
        float max = 1e-9f;
        for (float v : w) {
            max = Math.max(max, Math.abs(v));
        }
        return max / 32767f;
    }

    /** Writes the model: gzip'd, weights quantised to 16 bits, only non-zero weights stored. */
    void write(OutputStream os) throws IOException {
        float scale = scale();
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(new GZIPOutputStream(os, 1 << 16)))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(NT);
            for (float v : trans) {
                out.writeFloat(v);
            }
            for (float v : end) {
                out.writeFloat(v);
            }
            out.writeFloat(scale);
            List<long[]> rows = new ArrayList<>();
            rowOf.forEach((key, row) -> rows.add(new long[] {key, row}));
            rows.sort((a, b) -> Long.compare(a[1], b[1]));
            out.writeInt(rows.size());
            for (long[] kr : rows) {
                out.writeLong(kr[0]);
                int b = (int) kr[1] * NT;
                int mask = 0;
                short[] q = new short[NT];
                for (int t = 0; t < NT; t++) {
                    q[t] = (short) Math.round(w[b + t] / scale);
                    if (q[t] != 0) {
                        mask |= 1 << t;
                    }
                }
                out.writeInt(mask);
                for (int t = 0; t < NT; t++) {
                    if (q[t] != 0) {
                        out.writeShort(q[t]);
                    }
                }
            }
        }
    }

    static NerModel read(InputStream is) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(is, 1 << 16)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readInt() != NT) {
                throw new IOException("not a newsflow NER model (or another version)");
            }
            float[] trans = new float[(NT + 1) * NT];
            for (int i = 0; i < trans.length; i++) {
                trans[i] = in.readFloat();
            }
            float[] end = new float[NT];
            for (int i = 0; i < NT; i++) {
                end[i] = in.readFloat();
            }
            float scale = in.readFloat();
            int n = in.readInt();
            LongIntMap rowOf = new LongIntMap(n);
            float[] w = new float[n * NT];
            for (int r = 0; r < n; r++) {
                rowOf.put(in.readLong(), r);
                int mask = in.readInt();
                for (int t = 0; t < NT; t++) {
                    if ((mask & (1 << t)) != 0) {
                        w[r * NT + t] = in.readShort() * scale;
                    }
                }
            }
            return new NerModel(rowOf, w, trans, end);
        }
    }
}
