package dev.newsflow.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Word knowledge learnt from unlabelled news: hierarchical word clusters (ids at several granularities) and how
 * often a word is capitalised away from the start of a sentence. File: gzip'd UTF-8 lines
 * {@code word TAB count TAB capitalisedShare(0-100) TAB c0,c1,c2,...} ({@code -} when the word is not clustered);
 * the header line {@code #levels N} gives the number of cluster levels.
 */
final class Lexicon {
    static final Lexicon EMPTY = new Lexicon(0);

    final int levels;
    /** exact-word hash to row. */
    private final LongIntMap exact = new LongIntMap(1 << 16);
    /** lower-case-word hash to capitalisation bucket (1..5). */
    private final LongIntMap cap = new LongIntMap(1 << 16);
    private int[] clusterIds = new int[0];  // row*levels + level, -1 when none
    private int rows;

    private Lexicon(int levels) {
        this.levels = levels;
    }

    static Lexicon read(InputStream in) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String head = r.readLine();
            if (head == null || !head.startsWith("#levels ")) {
                throw new IOException("not a newsflow NER lexicon");
            }
            Lexicon lex = new Lexicon(Integer.parseInt(head.substring(8).trim()));
            String line;
            int cap = 1 << 16;
            lex.clusterIds = new int[cap * lex.levels];
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t");
                if (f.length < 4) {
                    continue;
                }
                String w = f[0];
                int share = Integer.parseInt(f[2]);
                long lk = Features.hashLower(w);
                if (lex.cap.get(lk) < 0) {
                    int bucket = share < 5 ? 1 : share < 40 ? 2 : share < 75 ? 3 : share < 97 ? 4 : 5;
                    lex.cap.put(lk, bucket);
                }
                if (!f[3].equals("-") && lex.levels > 0) {
                    String[] ids = f[3].split(",");
                    int row = lex.rows++;
                    if ((row + 1) * lex.levels > lex.clusterIds.length) {
                        lex.clusterIds = java.util.Arrays.copyOf(lex.clusterIds, lex.clusterIds.length * 2);
                    }
                    for (int l = 0; l < lex.levels; l++) {
                        lex.clusterIds[row * lex.levels + l] = Integer.parseInt(ids[l]);
                    }
                    lex.exact.putIfAbsent(Features.hashExact(w), row);
                }
            }
            return lex;
        }
    }

    /** Cluster row of a word: exact form, then Title-case form, then lower-case form; -1 if unknown. */
    int clusterRow(String w, long exactHash) {
        if (rows == 0) {
            return -1;
        }
        int r = exact.get(exactHash);
        if (r < 0) {
            r = exact.get(Features.hashTitle(w));
            if (r < 0) {
                r = exact.get(Features.hashLower(w));
            }
        }
        return r;
    }

    int cluster(int row, int level) {
        return clusterIds[row * levels + level];
    }

    /** Capitalisation bucket 1..5 of the lower-cased word, 0 if unknown. */
    int capBucket(long lowerHash) {
        int b = cap.get(lowerHash);
        return b < 0 ? 0 : b;
    }
}
