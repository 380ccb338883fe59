package dev.newsflow.enrich.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Trains the {@link NameFinder} model: a structured averaged perceptron (Collins 2002) over BILOU tags with
 * first-order Viterbi decoding, on CoNLL files (CoNLL-2003 IOB1 and re3d IOB2 with types mapped to PER/ORG/LOC;
 * MISC is kept as a training type so that nationalities and events are not learnt as O).
 *
 * <p>Usage: {@code NerTrainer --train FILE [--train FILE ...] [--lexicon LEX] [--dev FILE] [--epochs N]
 * [--prune W] [--seed S] --out MODEL [--doc-out DOCMODEL [--folds K]]}. With {@code --dev} the averaged model is
 * scored after every epoch. With {@code --doc-out} a second-pass model is trained on document-level hints
 * (see {@link DocHints}) computed from K-fold jackknifed first-pass tags of the training documents.
 */
public final class NerTrainer {

    /** Training options. */
    public record Options(List<Path> train, Path lexicon, Path dev, int epochs, float prune, long seed, Path out,
                          Path docOut, int folds) { }

    private NerTrainer() { }

    public static void main(String[] args) throws IOException {
        List<Path> train = new ArrayList<>();
        Path lexicon = null, dev = null, out = null, docOut = null;
        int folds = 5;
        int epochs = 20;
        float prune = 0.05f;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--train" -> train.add(Path.of(args[++i]));
                case "--lexicon" -> lexicon = Path.of(args[++i]);
                case "--dev" -> dev = Path.of(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--prune" -> prune = Float.parseFloat(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--doc-out" -> docOut = Path.of(args[++i]);
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (train.isEmpty() || out == null) {
            System.err.println("usage: NerTrainer --train FILE [--train FILE] [--lexicon LEX] [--dev FILE] "
                    + "[--epochs N] [--prune W] [--seed S] --out MODEL");
            System.exit(2);
        }
        train(new Options(train, lexicon, dev, epochs, prune, seed, out, docOut, folds));
    }

    /** Trains, writes the model(s) to {@code options.out()} (and {@code options.docOut()}), returns the finder. */
    public static NameFinder train(Options o) throws IOException {
        long t0 = System.nanoTime();
        Lexicon lex = Lexicon.EMPTY;
        if (o.lexicon() != null) {
            try (InputStream in = Files.newInputStream(o.lexicon())) {
                lex = Lexicon.read(in);
            }
        }
        List<Conll.Doc> docs = new ArrayList<>();
        for (Path p : o.train()) {
            List<Conll.Doc> d = Conll.read(p);
            docs.addAll(d);
            System.out.printf(Locale.ROOT, "read %s: %d documents, %d sentences%n", p, d.size(),
                    d.stream().mapToInt(x -> x.sentences().size()).sum());
        }
        List<Conll.Doc> devDocs = o.dev() == null ? null : Conll.read(o.dev());
        List<Conll.Sentence> sents = new ArrayList<>();
        for (Conll.Doc d : docs) {
            sents.addAll(d.sentences());
        }
        final Lexicon lx = lex;
        System.out.println("== sentence-level model");
        NerModel first = trainCore(sents, null, lex, o.epochs(), o.seed(), o.prune(),
                devDocs == null ? null : m -> devLine(NerEvaluator.evaluate(new NameFinder(m, null, lx), devDocs, false)));
        write(first, o.out());
        NameFinder finder = new NameFinder(first, null, lex);
        if (o.docOut() != null) {
            // first-pass tags for the training documents by k-fold jackknifing, so that the second pass
            // learns from hints as noisy as those it will see at run time
            int folds = o.folds();
            List<int[]> firstTags = new ArrayList<>();
            List<String[]> allToks = new ArrayList<>();
            List<List<Conll.Sentence>> byFold = new ArrayList<>();
            for (int f = 0; f < folds; f++) {
                byFold.add(new ArrayList<>());
            }
            int[] docFold = new int[docs.size()];
            for (int d = 0; d < docs.size(); d++) {
                docFold[d] = d % folds;
            }
            Map<Conll.Sentence, int[]> tagOf = new IdentityHashMap<>();
            for (int f = 0; f < folds; f++) {
                List<Conll.Sentence> tr = new ArrayList<>();
                for (int d = 0; d < docs.size(); d++) {
                    if (docFold[d] != f) {
                        tr.addAll(docs.get(d).sentences());
                    }
                }
                System.out.printf(Locale.ROOT, "== fold %d/%d: %d training sentences%n", f + 1, folds, tr.size());
                NerModel mf = trainCore(tr, null, lex, o.epochs(), o.seed() + f, o.prune(), null);
                NameFinder nf = new NameFinder(mf, null, lex);
                for (int d = 0; d < docs.size(); d++) {
                    if (docFold[d] == f) {
                        for (Conll.Sentence s : docs.get(d).sentences()) {
                            tagOf.put(s, nf.tagSentence(s.tokens()));
                        }
                    }
                }
            }
            List<long[]> hintList = new ArrayList<>();
            for (Conll.Doc d : docs) {
                List<String[]> toks = new ArrayList<>();
                List<int[]> tags = new ArrayList<>();
                for (Conll.Sentence s : d.sentences()) {
                    toks.add(s.tokens());
                    tags.add(tagOf.get(s));
                }
                for (long[] h : DocHints.compute(toks, tags)) {
                    hintList.add(h);
                }
            }
            long[][] hints = hintList.toArray(new long[0][]);
            System.out.println("== document-level (second-pass) model");
            NerModel second = trainCore(sents, hints, lex, o.epochs(), o.seed(), o.prune(),
                    devDocs == null ? null
                            : m -> devLine(NerEvaluator.evaluate(new NameFinder(first, m, lx), devDocs, true)));
            write(second, o.docOut());
            finder = new NameFinder(first, second, lex);
        }
        System.out.printf(Locale.ROOT, "total training time %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return finder;
    }

    private static void write(NerModel m, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream os = Files.newOutputStream(out)) {
            m.write(os);
        }
        System.out.printf(Locale.ROOT, "wrote %s (%d bytes, %d feature rows)%n", out, Files.size(out), m.rowOf.size());
    }

    private static String devLine(NerEvaluator.Result r) {
        return String.format(Locale.ROOT, " dev micro-F1 %.2f (PER %.2f ORG %.2f LOC %.2f)",
                100 * r.micro().f1(), 100 * r.perType().get("PER").f1(), 100 * r.perType().get("ORG").f1(),
                100 * r.perType().get("LOC").f1());
    }

    /** Structured averaged perceptron over {@code sents} (with optional per-token document hints). */
    static NerModel trainCore(List<Conll.Sentence> sents, long[][] hints, Lexicon lex, int epochs, long seed,
                              float prune, Function<NerModel, String> devEval) {
        long t0 = System.nanoTime();
        final int NT = NerModel.NT;
        Features fx = new Features(lex);
        LongIntMap dict = new LongIntMap(1 << 20);
        int nTok = 0;
        for (Conll.Sentence s : sents) {
            nTok += s.tokens().length;
        }
        int[] tokStart = new int[nTok + 1];
        int[] feats = new int[nTok * 40];
        int[] sentStart = new int[sents.size() + 1];
        int[][] gold = new int[sents.size()][];
        long[] keys = new long[Features.MAXF];
        int fp = 0, tp = 0;
        for (int si = 0; si < sents.size(); si++) {
            Conll.Sentence s = sents.get(si);
            String[] toks = s.tokens();
            gold[si] = NerModel.encode(s.spans(), toks.length);
            sentStart[si] = tp;
            fx.prepare(toks);
            if (hints != null && hints[si] != null) {
                fx.setHints(hints[si]);
            }
            boolean caps = Features.allCaps(toks);
            for (int i = 0; i < toks.length; i++) {
                int nf = fx.extract(toks, i, caps, keys, 0);
                if (fp + nf > feats.length) {
                    feats = Arrays.copyOf(feats, feats.length * 2);
                }
                tokStart[tp++] = fp;
                for (int k = 0; k < nf; k++) {
                    int id = dict.size();
                    int old = dict.putIfAbsent(keys[k], id);
                    feats[fp++] = old >= 0 ? old : id;
                }
            }
        }
        tokStart[tp] = fp;
        sentStart[sents.size()] = tp;
        int rows = dict.size();
        System.out.printf(Locale.ROOT, "%d tokens, %d feature occurrences, %d distinct features (%.1f s)%n",
                nTok, fp, rows, (System.nanoTime() - t0) / 1e9);

        float[] w = new float[rows * NT];
        float[] u = new float[rows * NT];
        int TS = (NT + 1) * NT;
        float[] tr = new float[TS], tru = new float[TS];
        float[] en = new float[NT], enu = new float[NT];
        int maxLen = 0;
        for (int[] g : gold) {
            maxLen = Math.max(maxLen, g.length);
        }
        float[] em = new float[maxLen * NT];
        int[] back = new int[maxLen * NT];
        float[] delta = new float[2 * NT];
        int[] pred = new int[maxLen];
        Integer[] order = new Integer[sents.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random rnd = new Random(seed);
        float c = 1;
        NerModel result = null;
        for (int ep = 1; ep <= epochs; ep++) {
            long e0 = System.nanoTime();
            java.util.Collections.shuffle(Arrays.asList(order), rnd);
            int errors = 0;
            for (int si : order) {
                int[] g = gold[si];
                int n = g.length;
                int base = sentStart[si];
                Arrays.fill(em, 0, n * NT, 0f);
                for (int i = 0; i < n; i++) {
                    int eo = i * NT;
                    for (int q = tokStart[base + i], qe = tokStart[base + i + 1]; q < qe; q++) {
                        int b = feats[q] * NT;
                        for (int t = 0; t < NT; t++) {
                            em[eo + t] += w[b + t];
                        }
                    }
                }
                NerModel.viterbi(em, n, tr, en, back, delta, pred);
                for (int i = 0; i < n; i++) {
                    int gt = g[i], pt = pred[i];
                    int gp = i == 0 ? NT : g[i - 1], pp = i == 0 ? NT : pred[i - 1];
                    if (gt != pt) {
                        errors++;
                        for (int q = tokStart[base + i], qe = tokStart[base + i + 1]; q < qe; q++) {
                            int b = feats[q] * NT;
                            w[b + gt] += 1;
                            u[b + gt] += c;
                            w[b + pt] -= 1;
                            u[b + pt] -= c;
                        }
                    }
                    if (gt != pt || gp != pp) {
                        tr[gp * NT + gt] += 1;
                        tru[gp * NT + gt] += c;
                        tr[pp * NT + pt] -= 1;
                        tru[pp * NT + pt] -= c;
                    }
                }
                if (g[n - 1] != pred[n - 1]) {
                    en[g[n - 1]] += 1;
                    enu[g[n - 1]] += c;
                    en[pred[n - 1]] -= 1;
                    enu[pred[n - 1]] -= c;
                }
                c++;
            }
            String devScore = "";
            boolean lastEpoch = ep == epochs;
            if (devEval != null || lastEpoch) {
                NerModel m = averaged(dict, w, u, tr, tru, en, enu, c, lastEpoch ? prune : 0f);
                if (devEval != null) {
                    devScore = devEval.apply(m) + (lastEpoch ? " [pruned to " + m.rowOf.size() + " rows]" : "");
                }
                if (lastEpoch) {
                    result = m;
                }
            }
            System.out.printf(Locale.ROOT, "epoch %2d: %6d token errors, %.1f s%s%n", ep, errors,
                    (System.nanoTime() - e0) / 1e9, devScore);
        }
        return result;
    }

    /** The averaged weights; rows whose every |weight| is below {@code prune} are dropped, small weights zeroed. */
    private static NerModel averaged(LongIntMap dict, float[] w, float[] u, float[] tr, float[] tru, float[] en,
                                     float[] enu, float c, float prune) {
        final int NT = NerModel.NT;
        int rows = dict.size();
        float[] avg = new float[rows * NT];
        int[] newRow = new int[rows];
        int kept = 0;
        for (int r = 0; r < rows; r++) {
            boolean any = false;
            for (int t = 0; t < NT; t++) {
                float v = w[r * NT + t] - u[r * NT + t] / c;
                if (Math.abs(v) < prune || v == 0f) {
                    v = 0f;
                } else {
                    any = true;
                }
                avg[r * NT + t] = v;
            }
            newRow[r] = any ? kept++ : -1;
        }
        float[] cw = new float[kept * NT];
        LongIntMap map = new LongIntMap(kept);
        dict.forEach((key, r) -> {
            int nr = newRow[r];
            if (nr >= 0) {
                map.put(key, nr);
                System.arraycopy(avg, r * NT, cw, nr * NT, NT);
            }
        });
        float[] t2 = new float[tr.length];
        for (int i = 0; i < tr.length; i++) {
            t2[i] = tr[i] - tru[i] / c;
        }
        float[] e2 = new float[en.length];
        for (int i = 0; i < en.length; i++) {
            e2[i] = en[i] - enu[i] / c;
        }
        return new NerModel(map, cw, t2, e2);
    }
}
