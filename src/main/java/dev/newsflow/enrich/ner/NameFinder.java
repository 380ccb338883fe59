package dev.newsflow.enrich.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Open-set person, organisation and location name finder: a linear-chain averaged-perceptron tagger (BILOU tags,
 * Viterbi decoding) over hashed sparse features and word clusters learnt from unlabelled news. Trained by
 * {@link NerTrainer}; see {@code src/main/resources/ner/NOTE.md} for the data and scores.
 *
 * <p>Thread-safe: the model is immutable and each thread decodes with its own scratch buffers.
 */
public final class NameFinder {
    static final String MODEL_RESOURCE = "/ner/ner-model.bin.gz";
    static final String DOC_MODEL_RESOURCE = "/ner/ner-doc-model.bin.gz";
    static final String LEXICON_RESOURCE = "/ner/ner-lexicon.tsv.gz";

    private static final int WORD_CACHE_SLOTS = 1 << 14;

    private static volatile NameFinder defaultInstance;

    private final Lexicon lexicon;
    private final boolean hasDoc;
    /** Feature key to row of {@link #w}; a row holds the first-pass weights, then the second-pass weights. */
    private final FeatureTable rowOf;
    /** Weights quantised to 16 bits: emission = scaleA (or scaleB) times the sum of a tag's column. */
    private final short[] w;
    private final float scaleA, scaleB;
    private final int width;
    private final float[] transA, endA, transB, endB;
    private final ThreadLocal<Work> work;

    NameFinder(NerModel model, NerModel docModel, Lexicon lexicon) {
        final int NT = NerModel.NT;
        this.lexicon = lexicon == null ? Lexicon.EMPTY : lexicon;
        this.hasDoc = docModel != null;
        this.transA = model.trans;
        this.endA = model.end;
        this.scaleA = model.scale();
        this.scaleB = docModel == null ? 0f : docModel.scale();
        this.width = docModel == null ? NT : 2 * NT;
        this.transB = docModel == null ? null : docModel.trans;
        this.endB = docModel == null ? null : docModel.end;
        // one table for both passes: the first pass looks every feature up once and gets both models' weights
        LongIntMap map = new LongIntMap(model.rowOf.size() + (docModel == null ? 0 : docModel.rowOf.size()));
        int[] next = {0};
        short[][] ws = {new short[(model.rowOf.size() + (docModel == null ? 0 : docModel.rowOf.size())) * width]};
        for (int part = 0; part < (docModel == null ? 1 : 2); part++) {
            NerModel m = part == 0 ? model : docModel;
            float scale = part == 0 ? scaleA : scaleB;
            int shift = part * NT;
            m.rowOf.forEach((key, r) -> {
                int row = map.get(key);
                if (row < 0) {
                    row = next[0]++;
                    map.put(key, row);
                }
                for (int t = 0; t < NT; t++) {
                    ws[0][row * width + shift + t] = (short) Math.round(m.w[r * NT + t] / scale);
                }
            });
        }
        rowOf = new FeatureTable(map);
        w = java.util.Arrays.copyOf(ws[0], next[0] * width);
        this.work = ThreadLocal.withInitial(() -> new Work(newScorer(WORD_CACHE_SLOTS)));
    }

    /**
     * A scorer over this finder's weights caching {@code cacheSlots} words. The default of 16,384 found 89% of the
     * tokens of 1,000 AllSides articles in the cache (8,192: 84%, 65,536: 95%) and takes 11 MB a thread.
     */
    EmissionScorer newScorer(int cacheSlots) {
        return new EmissionScorer(rowOf, w, width, lexicon, cacheSlots);
    }

    /** The model shipped in the jar (loaded once, then shared). */
    public static NameFinder loadDefault() {
        NameFinder nf = defaultInstance;
        if (nf == null) {
            synchronized (NameFinder.class) {
                nf = defaultInstance;
                if (nf == null) {
                    try (InputStream m = resource(MODEL_RESOURCE); InputStream l = resource(LEXICON_RESOURCE);
                         InputStream dm = NameFinder.class.getResourceAsStream(DOC_MODEL_RESOURCE)) {
                        nf = new NameFinder(NerModel.read(m), dm == null ? null : NerModel.read(dm), Lexicon.read(l));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot load the NER model from the classpath", e);
                    }
                    defaultInstance = nf;
                }
            }
        }
        return nf;
    }

    /**
     * Loads models and lexicon written by {@link NerTrainer}; {@code docModel} (the second-pass model used by
     * {@link #findDocument}) and {@code lexicon} may be null.
     */
    public static NameFinder load(Path model, Path docModel, Path lexicon) throws IOException {
        try (InputStream m = Files.newInputStream(model)) {
            NerModel dm = null;
            if (docModel != null) {
                try (InputStream d = Files.newInputStream(docModel)) {
                    dm = NerModel.read(d);
                }
            }
            Lexicon lex = Lexicon.EMPTY;
            if (lexicon != null) {
                try (InputStream l = Files.newInputStream(lexicon)) {
                    lex = Lexicon.read(l);
                }
            }
            return new NameFinder(NerModel.read(m), dm, lex);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = NameFinder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing classpath resource " + name);
        }
        return in;
    }

    /** Names in one tokenised sentence (CoNLL-style tokens, see {@link NerTokenizer}): PER, ORG and LOC spans. */
    public List<NameSpan> find(String[] tokens) {
        return find(tokens, false);
    }

    /** As {@link #find(String[])}, optionally keeping MISC spans (nationalities, events, ...). */
    public List<NameSpan> find(String[] tokens, boolean keepMisc) {
        check(tokens);
        if (tokens.length == 0) {
            return List.of();
        }
        Work wk = work.get();
        int[] tags = tagFirst(wk, tokens, null, 0);
        return NerModel.decodeSpans(tags, tokens.length, keepMisc);
    }

    /** First-pass BILOU tags of a non-empty sentence (a copy). */
    int[] tagSentence(String[] tokens) {
        return tagFirst(work.get(), tokens, null, 0).clone();
    }

    private static void check(String[] tokens) {
        if (tokens == null) {
            throw new IllegalArgumentException("null sentence");
        }
        for (String t : tokens) {
            if (t == null || t.isEmpty()) {
                throw new IllegalArgumentException("null or empty token");
            }
        }
    }

    /**
     * Names in the sentences of one document (one list per sentence, PER/ORG/LOC). With a document-level model
     * a second pass also sees what the first pass said about the other occurrences of each capitalised word in
     * the document (the headline "CLINTON" and the body's "Clinton"); without one it is {@link #find} on every
     * sentence.
     */
    public List<List<NameSpan>> findDocument(List<String[]> sentences) {
        for (String[] s : sentences) {
            check(s);
        }
        Joined j = Joined.of(sentences);
        return findDocument(j.text, j.start, j.end, j.from, j.to, sentences.size());
    }

    /**
     * As {@link #findDocument(List)} for the sentences {@code sentences[0, count)} of {@code tokens} (indices of
     * {@link NerTokenizer.Offsets#sentenceStart}), read from the text without a string per token; span offsets are
     * token indices within each sentence.
     */
    public List<List<NameSpan>> findDocument(NerTokenizer.Offsets tokens, int[] sentences, int count) {
        int[] from = new int[count];
        int[] to = new int[count];
        for (int k = 0; k < count; k++) {
            from[k] = tokens.sentenceStart(sentences[k]);
            to[k] = tokens.sentenceEnd(sentences[k]);
        }
        return findDocument(tokens.text(), tokens.starts(), tokens.ends(), from, to, count);
    }

    /** Sentence k of the document is the tokens {@code text[start[i], end[i])}, i in {@code [from[k], to[k])}. */
    private List<List<NameSpan>> findDocument(String text, int[] start, int[] end, int[] from, int[] to, int count) {
        List<List<NameSpan>> out = new ArrayList<>(count);
        Work wk = work.get();
        if (!hasDoc) {
            for (int k = 0; k < count; k++) {
                int n = to[k] - from[k];
                out.add(n == 0 ? List.of()
                        : NerModel.decodeSpans(tagFirst(wk, text, start, end, from[k], n, null, 0), n, false));
            }
            return out;
        }
        final int NT = NerModel.NT;
        int total = 0;
        for (int k = 0; k < count; k++) {
            total += to[k] - from[k];
        }
        if (wk.emDoc.length < total * NT) {
            wk.emDoc = new float[Math.max(total * NT, wk.emDoc.length * 2)];
        }
        List<int[]> first = new ArrayList<>(count);
        int off = 0;
        for (int k = 0; k < count; k++) {
            int n = to[k] - from[k];
            first.add(n == 0 ? new int[0] : tagFirst(wk, text, start, end, from[k], n, wk.emDoc, off).clone());
            off += n * NT;
        }
        long[][] hints = DocHints.compute(text, start, end, from, to, count, first);
        off = 0;
        for (int k = 0; k < count; k++) {
            int n = to[k] - from[k];
            if (n == 0) {
                out.add(List.of());
                continue;
            }
            long[] h = hints[k];
            float[] em = wk.em;
            System.arraycopy(wk.emDoc, off, em, 0, n * NT);
            for (int i = 0; i < n; i++) {
                if (h[i] != 0 || (i > 0 && h[i - 1] != 0) || (i + 1 < n && h[i + 1] != 0)) {
                    int t = from[k] + i;
                    int f = Features.hintFeatures(n, h, i, Features.hashShape(text, start[t], end[t]), wk.keys, 0);
                    addWeights(wk.keys, f, em, i * NT, NT);
                }
            }
            NerModel.viterbi(em, n, transB, endB, wk.back, wk.delta, wk.tags);
            out.add(NerModel.decodeSpans(wk.tags, n, false));
            off += n * NT;
        }
        return out;
    }

    /**
     * Whether {@code word} is, case aside, a common word: unlabelled news capitalises it less than 40% of the time
     * away from a sentence start (so a capital there is the sentence's, not a name's).
     */
    public boolean isCommonWord(String word) {
        int bucket = lexicon.capBucket(Features.hashLower(word));
        return bucket == 1 || bucket == 2;
    }

    /** As {@link #isCommonWord(String)} for the word {@code text[start, end)}, without making a string of it. */
    public boolean isCommonWord(String text, int start, int end) {
        int bucket = lexicon.capBucket(Features.hashLower(text, start, end));
        return bucket == 1 || bucket == 2;
    }

    /** Whether this finder has a document-level second-pass model. */
    public boolean hasDocumentModel() {
        return hasDoc;
    }

    /** First pass; also accumulates the second-pass emissions into {@code emB[off...]} when given. */
    private int[] tagFirst(Work wk, String[] toks, float[] emB, int offB) {
        Joined j = Joined.of(List.<String[]>of(toks));
        return tagFirst(wk, j.text, j.start, j.end, 0, toks.length, emB, offB);
    }

    /** As {@link #tagFirst(Work, String[], float[], int)} for the n tokens {@code text[start[i], end[i])} from i = from. */
    private int[] tagFirst(Work wk, String text, int[] start, int[] end, int from, int n, float[] emB, int offB) {
        final int NT = NerModel.NT;
        wk.ensure(n);
        int[] acc = wk.scorer.score(text, start, end, from, n, Features.allCaps(text, start, end, from, n));
        float[] em = wk.em;
        for (int i = 0; i < n; i++) {
            int a = i * width;
            int eo = i * NT;
            for (int t = 0; t < NT; t++) {
                em[eo + t] = acc[a + t] * scaleA;
            }
            if (emB != null) {
                int eb = offB + eo;
                for (int t = 0; t < NT; t++) {
                    emB[eb + t] = acc[a + NT + t] * scaleB;
                }
            }
        }
        NerModel.viterbi(em, n, transA, endA, wk.back, wk.delta, wk.tags);
        return wk.tags;
    }

    /** Adds the second-pass weights of {@code keys[0, f)} to {@code em[eo, eo + NT)}. */
    private void addWeights(long[] keys, int f, float[] em, int eo, int NT) {
        for (int q = 0; q < f; q++) {
            int r = rowOf.get(keys[q]);
            if (r >= 0) {
                int b = r * width + NT;
                for (int t = 0; t < NT; t++) {
                    em[eo + t] += w[b + t] * scaleB;
                }
            }
        }
    }

    /** Per-thread decoding buffers. */
    static final class Work {
        final EmissionScorer scorer;
        long[] keys = new long[Features.MAXF];
        float[] em = new float[0];
        float[] emDoc = new float[0];
        int[] back = new int[0];
        int[] tags = new int[0];
        final float[] delta = new float[2 * NerModel.NT];

        Work(EmissionScorer scorer) {
            this.scorer = scorer;
        }

        void ensure(int n) {
            if (tags.length < n) {
                int c = Math.max(n, tags.length * 2);
                em = new float[c * NerModel.NT];
                back = new int[c * NerModel.NT];
                tags = new int[c];
            }
        }
    }
}
