package dev.newsflow.enrich.ner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entity-level exact-match scoring (conlleval-style: a predicted name counts only if its start, end and type all
 * match a gold name) per type and micro-averaged over PER, ORG and LOC; MISC is ignored on both sides.
 * Input is pre-tokenised CoNLL and is tagged sentence by sentence as given.
 *
 * <p>Usage: {@code NerEvaluator FILE [--model M [--doc-model D] --lexicon L] [--document] [--speed PASSES]};
 * {@code --document} tags document by document with the two-pass {@link NameFinder#findDocument}; without {@code --model} the
 * model in the classpath is used. {@code --speed} times single-threaded tagging over FILE after a warm-up.
 */
public final class NerEvaluator {
    public static final List<String> TYPES = List.of("PER", "ORG", "LOC");

    /** True positives, false positives and false negatives of one type (or of all). */
    public record Counts(int tp, int fp, int fn) {
        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Scores per type (PER, ORG, LOC) and micro over them. */
    public record Result(Map<String, Counts> perType, Counts micro) {
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%-6s %7s %7s %7s %6s %6s %6s%n", "type", "P", "R", "F1", "tp", "fp", "fn"));
            for (Map.Entry<String, Counts> e : perType.entrySet()) {
                row(sb, e.getKey(), e.getValue());
            }
            row(sb, "micro", micro);
            return sb.toString();
        }

        private static void row(StringBuilder sb, String name, Counts c) {
            sb.append(String.format(Locale.ROOT, "%-6s %7.2f %7.2f %7.2f %6d %6d %6d%n", name, 100 * c.precision(),
                    100 * c.recall(), 100 * c.f1(), c.tp(), c.fp(), c.fn()));
        }
    }

    private NerEvaluator() { }

    /** Scores predicted against gold spans, sentence by sentence (both lists aligned). */
    public static Result score(List<List<NameSpan>> gold, List<List<NameSpan>> pred) {
        if (gold.size() != pred.size()) {
            throw new IllegalArgumentException("gold and predicted sentence counts differ");
        }
        Map<String, int[]> c = new LinkedHashMap<>();
        for (String t : TYPES) {
            c.put(t, new int[3]);
        }
        for (int s = 0; s < gold.size(); s++) {
            Set<NameSpan> g = new HashSet<>();
            for (NameSpan x : gold.get(s)) {
                if (c.containsKey(x.type())) {
                    g.add(x);
                }
            }
            Set<NameSpan> p = new HashSet<>();
            for (NameSpan x : pred.get(s)) {
                if (c.containsKey(x.type())) {
                    p.add(x);
                }
            }
            for (NameSpan x : p) {
                c.get(x.type())[g.contains(x) ? 0 : 1]++;
            }
            for (NameSpan x : g) {
                if (!p.contains(x)) {
                    c.get(x.type())[2]++;
                }
            }
        }
        Map<String, Counts> per = new LinkedHashMap<>();
        int tp = 0, fp = 0, fn = 0;
        for (Map.Entry<String, int[]> e : c.entrySet()) {
            int[] v = e.getValue();
            per.put(e.getKey(), new Counts(v[0], v[1], v[2]));
            tp += v[0];
            fp += v[1];
            fn += v[2];
        }
        return new Result(per, new Counts(tp, fp, fn));
    }

    /**
     * Tags {@code docs} with {@code finder} and scores it: sentence by sentence ({@link NameFinder#find}), or
     * document by document ({@link NameFinder#findDocument}) when {@code document} is set.
     */
    public static Result evaluate(NameFinder finder, List<Conll.Doc> docs, boolean document) {
        List<List<NameSpan>> gold = new ArrayList<>();
        List<List<NameSpan>> pred = new ArrayList<>();
        for (Conll.Doc d : docs) {
            List<String[]> toks = new ArrayList<>();
            for (Conll.Sentence s : d.sentences()) {
                gold.add(s.spans());
                toks.add(s.tokens());
                if (!document) {
                    pred.add(finder.find(s.tokens()));
                }
            }
            if (document) {
                pred.addAll(finder.findDocument(toks));
            }
        }
        return score(gold, pred);
    }

    /** Reads a CoNLL file and scores {@code finder} on it. */
    public static Result evaluate(NameFinder finder, Path conll, boolean document) throws IOException {
        return evaluate(finder, Conll.read(conll), document);
    }

    /** Tokens per second of thread CPU time in the last {@link #tokensPerSecond} call. */
    static volatile double lastCpuTokensPerSecond;

    /** Single-threaded tokens per second over the sentences of {@code docs} (a timing loop, not JMH). */
    public static double tokensPerSecond(NameFinder finder, List<Conll.Doc> docs, int passes, boolean document) {
        List<List<String[]>> byDoc = new ArrayList<>();
        long tokens = 0;
        for (Conll.Doc d : docs) {
            List<String[]> sents = new ArrayList<>();
            for (Conll.Sentence s : d.sentences()) {
                sents.add(s.tokens());
                tokens += s.tokens().length;
            }
            byDoc.add(sents);
        }
        long sink = 0;
        long t0 = 0, c0 = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int p = -3; p < passes; p++) {
            if (p == 0) {
                t0 = System.nanoTime();
                c0 = mx.getCurrentThreadCpuTime();
            }
            for (List<String[]> sents : byDoc) {
                if (document) {
                    sink += finder.findDocument(sents).size();
                } else {
                    for (String[] s : sents) {
                        sink += finder.find(s).size();
                    }
                }
            }
        }
        long t1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        if (sink == 42) {
            System.out.print("");
        }
        lastCpuTokensPerSecond = tokens * (double) passes / ((c1 - c0) / 1e9);
        return tokens * (double) passes / ((t1 - t0) / 1e9);
    }

    public static void main(String[] args) throws IOException {
        Path file = null, model = null, docModel = null, lexicon = null;
        int speed = 0;
        boolean document = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--model" -> model = Path.of(args[++i]);
                case "--lexicon" -> lexicon = Path.of(args[++i]);
                case "--doc-model" -> docModel = Path.of(args[++i]);
                case "--document" -> document = true;
                case "--speed" -> speed = Integer.parseInt(args[++i]);
                default -> file = Path.of(args[i]);
            }
        }
        if (file == null) {
            System.err.println("usage: NerEvaluator FILE [--model M [--doc-model D] --lexicon L] [--document] [--speed PASSES]");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        NameFinder nf = model == null ? NameFinder.loadDefault() : NameFinder.load(model, docModel, lexicon);
        System.out.printf(Locale.ROOT, "model loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        List<Conll.Doc> docs = Conll.read(file);
        Result r = evaluate(nf, docs, document);
        System.out.println("file: " + file + (document ? " (document-level, two-pass)" : " (sentence by sentence)"));
        System.out.print(r.table());
        if (speed > 0) {
            double wall = tokensPerSecond(nf, docs, speed, document);
            System.out.printf(Locale.ROOT, "throughput: %.0f tokens/s wall, %.0f tokens/s of thread CPU time (1 thread, "
                    + "%d timed passes over the file after 3 warm-up passes; a timing loop, not JMH)%n",
                    wall, lastCpuTokensPerSecond, speed);
        }
    }
}
