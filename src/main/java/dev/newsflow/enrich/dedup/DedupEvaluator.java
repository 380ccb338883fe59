package dev.newsflow.enrich.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.topics.TopicEvaluator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures duplicate detection against labelled article pairs ({@code eval/dedup/}): precision and recall of exact
 * duplicates, of near duplicates and of "same story" overall, a sweep of the SimHash distance, and what the story
 * index makes of a stretch of the corpus replayed as a stream.
 */
public final class DedupEvaluator {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Gold relation of a pair: the same page or text, a copy of one story, or different stories. */
    public enum Relation { EXACT, NEAR, DIFFERENT }

    /** One labelled pair. */
    public record Pair(String a, String b, Relation gold, boolean borderline, String note) {
    }

    /** What the evaluation keeps of an article. */
    public record Fingerprinted(CorpusArticle article, String canonicalUrl, StoryFingerprint fingerprint) {
        String title() {
            return article.text().title();
        }
    }

    /** Precision and recall counts. */
    public record Counts(int tp, int fp, int fn) {
        public double precision() {
            return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
        }

        String row(String name) {
            return String.format("%-8s P %6.3f  R %6.3f   (tp %d, fp %d, fn %d)", name, precision(), recall(), tp, fp, fn);
        }
    }

    private final StoryFingerprinter fingerprinter;
    private final StoryRule rule;

    public DedupEvaluator(StoryFingerprinter fingerprinter, StoryRule rule) {
        this.fingerprinter = fingerprinter;
        this.rule = rule;
    }

    public static List<Pair> readPairs(Path file) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            pairs.add(new Pair(n.get("a").asText(), n.get("b").asText(),
                    Relation.valueOf(n.get("label").asText().toUpperCase(java.util.Locale.ROOT)),
                    n.path("borderline").asBoolean(false), n.path("note").asText("")));
        }
        return pairs;
    }

    /** Every article of the corpus with its fingerprint, in file order. */
    public List<Fingerprinted> fingerprintAll(Path articles) throws IOException {
        List<Fingerprinted> all = new ArrayList<>();
        CorpusArticle.read(articles, article -> {
            String canonical = UrlCanonicaliser.canonicalise(article.url());
            String text = article.text().text();
            all.add(new Fingerprinted(article, canonical, fingerprinter.fingerprint(canonical, text,
                    article.text().bodyStart(), ContentHash.sha256(text))));
        });
        return all;
    }

    /** The relation the pipeline would see between two articles, the time window aside. */
    public Relation predict(Fingerprinted a, Fingerprinted b) {
        if (a.canonicalUrl().equals(b.canonicalUrl())
                || a.fingerprint().contentHash().equals(b.fingerprint().contentHash())) {
            return Relation.EXACT;
        }
        return rule.near(a.fingerprint(), b.fingerprint()) ? Relation.NEAR : Relation.DIFFERENT;
    }

    /** Exact, near and same-story counts over {@code pairs}; borderline pairs are skipped when {@code lenient}. */
    public Map<String, Counts> score(List<Pair> pairs, Map<String, Fingerprinted> byId, boolean lenient) {
        int[][] c = new int[3][3];
        for (Pair pair : pairs) {
            if (lenient && pair.borderline()) {
                continue;
            }
            Relation predicted = predict(byId.get(pair.a()), byId.get(pair.b()));
            count(c[0], pair.gold() == Relation.EXACT, predicted == Relation.EXACT);
            count(c[1], pair.gold() == Relation.NEAR, predicted == Relation.NEAR);
            count(c[2], pair.gold() != Relation.DIFFERENT, predicted != Relation.DIFFERENT);
        }
        Map<String, Counts> out = new LinkedHashMap<>();
        out.put("exact", new Counts(c[0][0], c[0][1], c[0][2]));
        out.put("near", new Counts(c[1][0], c[1][1], c[1][2]));
        out.put("story", new Counts(c[2][0], c[2][1], c[2][2]));
        return out;
    }

    private static void count(int[] c, boolean gold, boolean predicted) {
        if (gold && predicted) {
            c[0]++;
        } else if (predicted) {
            c[1]++;
        } else if (gold) {
            c[2]++;
        }
    }

    /** What the story index decides for {@code articles} replayed in time order (undated ones first, together). */
    public Map<String, StoryAssignment> replay(List<Fingerprinted> articles, Duration window) {
        List<Fingerprinted> ordered = new ArrayList<>(articles);
        ordered.sort(Comparator.comparingLong((Fingerprinted f) -> f.article().publishedAt())
                .thenComparingInt(f -> f.article().position()));
        StoryIndex index = new StoryIndex(rule, window);
        Map<String, StoryAssignment> out = new LinkedHashMap<>();
        for (Fingerprinted f : ordered) {
            out.put(f.article().id(), index.assign(f.article().id(), f.article().publishedAt(), f.fingerprint()));
        }
        return out;
    }

    /** Prints the whole report. */
    public void report(List<Pair> pairs, List<Fingerprinted> all, int first, Duration window, boolean sweep,
                       boolean errors, PrintStream out) {
        Map<String, Fingerprinted> byId = new HashMap<>();
        all.forEach(f -> byId.putIfAbsent(f.article().id(), f));
        List<Pair> known = pairs.stream().filter(p -> byId.containsKey(p.a()) && byId.containsKey(p.b())).toList();
        Map<Relation, Integer> gold = new EnumMap<>(Relation.class);
        known.forEach(p -> gold.merge(p.gold(), 1, Integer::sum));
        out.printf("rule: Jaccard >= %.2f over the first %d distinctive body shingles (at least %d); "
                        + "%,d common shingles (document frequency >= %d) skipped%n", rule.minJaccard(),
                StoryFingerprinter.LEAD_SHINGLES, rule.minShingles(), CommonShingles.shipped().size(),
                CommonShingles.shipped().minDocuments());
        out.printf("labelled pairs: %d (%s), %d borderline%s%n", known.size(), gold,
                known.stream().filter(Pair::borderline).count(),
                known.size() < pairs.size() ? "; " + (pairs.size() - known.size()) + " not in the articles file" : "");
        out.println("pairwise (the time window aside), all pairs:");
        score(known, byId, false).forEach((name, counts) -> out.println("  " + counts.row(name)));
        out.println("pairwise, borderline pairs left out:");
        score(known, byId, true).forEach((name, counts) -> out.println("  " + counts.row(name)));
        if (sweep) {
            out.println("threshold sweep (all pairs): minimum Jaccard -> near P / R, story P / R");
            for (int t = 5; t <= 95; t += 5) {
                DedupEvaluator other = new DedupEvaluator(fingerprinter, new StoryRule(t / 100.0, rule.minShingles()));
                Map<String, Counts> s = other.score(known, byId, false);
                out.printf("  %.2f  near %.3f / %.3f   story %.3f / %.3f%n", t / 100.0, s.get("near").precision(),
                        s.get("near").recall(), s.get("story").precision(), s.get("story").recall());
            }
        }
        if (errors) {
            printErrors(known, byId, out);
        }
        List<Fingerprinted> head = all.subList(0, Math.min(first, all.size()));
        out.printf("stream replay of the first %,d articles (file order, then sorted by published day; window %s):%n",
                head.size(), window);
        Map<String, StoryAssignment> headStories = replay(head, window);
        printReplay(headStories, out);
        if (errors) {
            // Ids only: the replay reaches into the held-out half, whose text stays unread.
            headStories.forEach((id, s) -> {
                if (s.matchedId() != null) {
                    out.printf("  replay match: %s -> %s %s%s%n", id, s.matchedId(), s.match(),
                            s.similarity() == null ? "" : String.format(" %.2f", s.similarity()));
                }
            });
        }
        List<Fingerprinted> dev = all.stream().filter(f -> TopicEvaluator.isDev(f.article().id())).toList();
        printEditTolerance(dev, out);
        Map<String, StoryAssignment> devStories = replay(dev, window);
        out.printf("stream replay of the development half (%,d articles, window %s):%n", dev.size(), window);
        printReplay(devStories, out);
        Map<String, Relation> labels = new HashMap<>();
        pairs.forEach(p -> labels.put(key(p.a(), p.b()), p.gold()));
        int[] exact = new int[2];
        int[] near = new int[2];
        List<String> unlabelled = new ArrayList<>();
        devStories.forEach((id, s) -> {
            if (s.matchedId() == null) {
                return;
            }
            Relation label = labels.get(key(id, s.matchedId()));
            if (label == null) {
                unlabelled.add(id + " " + s.matchedId() + " " + s.match());
            } else if (s.duplicate()) {
                exact[label == Relation.EXACT ? 0 : 1]++;
            } else {
                near[label == Relation.NEAR ? 0 : 1]++;
            }
        });
        out.printf("  its matches against the labels: exact %d right, %d wrong; near %d right, %d wrong; %d unlabelled%n",
                exact[0], exact[1], near[0], near[1], unlabelled.size());
        if (errors) {
            unlabelled.forEach(line -> out.println("  unlabelled: " + line));
        }
    }

    private void printErrors(List<Pair> pairs, Map<String, Fingerprinted> byId, PrintStream out) {
        for (Pair p : pairs) {
            Fingerprinted a = byId.get(p.a());
            Fingerprinted b = byId.get(p.b());
            Relation predicted = predict(a, b);
            boolean wrong = (predicted == Relation.DIFFERENT) != (p.gold() == Relation.DIFFERENT)
                    || (predicted == Relation.EXACT) != (p.gold() == Relation.EXACT);
            if (wrong) {
                out.printf("  %s gold %s predicted %s, Jaccard %.2f (%d/%d shingles)%s%n    %s | %s%n    %s | %s%n",
                        predicted == Relation.DIFFERENT ? "MISSED" : "WRONG", p.gold(), predicted,
                        StoryRule.jaccard(a.fingerprint().lead(), b.fingerprint().lead()),
                        a.fingerprint().lead().length, b.fingerprint().lead().length, p.borderline() ? " borderline" : "",
                        p.a(), a.title(), p.b(), b.title());
            }
        }
    }

    /**
     * Light edits made on purpose: in 200 development articles of at least 300 body words, {@code n} random words among
     * the first hundred of the body are replaced by words of other articles; prints how often the edited copy is
     * still recognised as the same story, and the median Jaccard similarity of the two leads.
     */
    private void printEditTolerance(List<Fingerprinted> dev, PrintStream out) {
        java.util.Random random = new java.util.Random(20261128);
        List<Fingerprinted> long300 = new ArrayList<>(dev.stream().filter(f -> wordSpans(f).size() >= 300).toList());
        java.util.Collections.shuffle(long300, random);
        List<Fingerprinted> sample = long300.subList(0, Math.min(200, long300.size()));
        List<String> vocabulary = new ArrayList<>();
        for (Fingerprinted f : sample) {
            String text = f.article().text().text();
            wordSpans(f).forEach(span -> vocabulary.add(text.substring(span[0], span[1])));
        }
        out.printf("light edits: %d development articles, n random words among the first 100 of the body replaced%n",
                sample.size());
        for (int edits : new int[] {1, 2, 3, 5, 8}) {
            int kept = 0;
            double[] similarities = new double[sample.size()];
            for (int i = 0; i < sample.size(); i++) {
                Fingerprinted original = sample.get(i);
                String text = original.article().text().text();
                List<int[]> spans = wordSpans(original).subList(0, 100);
                List<int[]> chosen = new ArrayList<>(spans);
                java.util.Collections.shuffle(chosen, random);
                chosen = new ArrayList<>(chosen.subList(0, edits));
                chosen.sort(Comparator.comparingInt((int[] span) -> span[0]).reversed());
                StringBuilder edited = new StringBuilder(text);
                for (int[] span : chosen) {
                    edited.replace(span[0], span[1], vocabulary.get(random.nextInt(vocabulary.size())));
                }
                String editedText = edited.toString();
                StoryFingerprint copy = fingerprinter.fingerprint(original.canonicalUrl() + "#copy", editedText,
                        original.article().text().bodyStart(), ContentHash.sha256(editedText));
                kept += rule.near(original.fingerprint(), copy) ? 1 : 0;
                similarities[i] = StoryRule.jaccard(original.fingerprint().lead(), copy.lead());
            }
            java.util.Arrays.sort(similarities);
            out.printf("  %d words: %5.1f%% still the same story (median lead Jaccard %.2f)%n", edits,
                    100.0 * kept / sample.size(), similarities[similarities.length / 2]);
        }
    }

    /** Offsets of the body's words (runs of letters and digits), as {@link Shingles} sees them. */
    private static List<int[]> wordSpans(Fingerprinted f) {
        String text = f.article().text().text();
        List<int[]> spans = new ArrayList<>();
        int i = f.article().text().bodyStart();
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            spans.add(new int[] {start, i});
        }
        return spans;
    }

    private static void printReplay(Map<String, StoryAssignment> stories, PrintStream out) {
        Map<String, Integer> sizes = new HashMap<>();
        Map<MatchKind, Integer> matches = new EnumMap<>(MatchKind.class);
        stories.values().forEach(s -> {
            sizes.merge(s.storyId(), 1, Integer::sum);
            matches.merge(s.match(), 1, Integer::sum);
        });
        long multi = sizes.values().stream().filter(n -> n > 1).count();
        int largest = sizes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long duplicates = stories.values().stream().filter(StoryAssignment::duplicate).count();
        out.printf("  %,d articles -> %,d stories; %d stories with more than one article (largest %d); "
                + "%d exact duplicates; matches %s%n", stories.size(), sizes.size(), multi, largest, duplicates, matches);
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
    }
}
