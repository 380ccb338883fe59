package dev.newsflow.enrich.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.Document;
import dev.newsflow.enrich.entities.AliasDictionary;
import dev.newsflow.enrich.entities.EntityLinker;
import dev.newsflow.enrich.entities.EntityMatch;
import dev.newsflow.enrich.entities.KnowledgeBase;
import dev.newsflow.enrich.entities.NameSpotter;
import dev.newsflow.enrich.ner.NameFinder;
import dev.newsflow.enrich.text.NormalisedText;
import dev.newsflow.enrich.text.TextNormaliser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Evaluates a taxonomy against labelled articles: precision, recall and F1 per topic and micro-averaged over the
 * nine default topics, strict and lenient (borderline calls ignored), with the false positives and negatives and
 * their evidence. Also a recall check on a CSV of articles that all carry one topic (FA-KES for syria),
 * ukraine-war recall on RUWA headlines, terrorism precision and recall on MUC-3/4, and a simple throughput loop.
 *
 * <pre>
 * java ... dev.newsflow.enrich.topics.TopicEvaluator --gold eval/topics/dev_gold.jsonl \
 *     --articles ../shared/data/stream/allsides_articles.jsonl.gz [--taxonomy my.yaml] [--errors] \
 *     [--csv-recall syria=../shared/data/topic/fakes_syria/fakes.csv] [--bench 3000]
 *     [--ruwa ../shared/data/topic/ruwa_ukraine/RUWA_01.08.23.csv.zip]
 *     [--muc ../shared/data/topic/muc4_terrorism/muc4_docs.jsonl]
 * </pre>
 */
public final class TopicEvaluator {

    public static final List<String> DEFAULT_TOPICS = List.of("sanctions", "drones", "syria", "ukraine-war",
            "iran", "north-korea", "nuclear-weapons", "terrorism", "protests");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One labelled article. */
    public record Gold(String id, Set<String> topics, Set<String> borderline, String note) {
    }

    /** Counts for one topic. */
    public record Counts(int tp, int fp, int fn) {
        public double precision() {
            return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final TopicClassifier classifier;
    private final EntityLinker linker;
    private final TextNormaliser normaliser = new TextNormaliser();

    public TopicEvaluator(Taxonomy taxonomy, EntityLinker linker) {
        this.classifier = new TopicClassifier(taxonomy);
        this.linker = linker;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--errors") || a.equals("--quiet") || a.equals("--no-ner")) {
                flags.add(a);
            } else if (a.startsWith("--") && i + 1 < args.length) {
                opts.put(a, args[++i]);
            } else {
                System.err.println("unknown argument " + a);
                System.exit(2);
            }
        }
        // The entities the enricher gives the classifier: dictionary and open-set NER, unless told otherwise.
        AliasDictionary dictionary = AliasDictionary.of(KnowledgeBase.loadDefault());
        EntityLinker linker = flags.contains("--no-ner") ? new EntityLinker(dictionary)
                : new EntityLinker(dictionary, new NameSpotter(NameFinder.loadDefault()));
        Taxonomy taxonomy = opts.containsKey("--taxonomy")
                ? Taxonomy.parse(Files.readString(Path.of(opts.get("--taxonomy")))) : Taxonomy.loadDefault();
        if (opts.containsKey("--scores")) {
            // Tuning aid: every topic's raw evidence per gold article, thresholds off (saturation 1000).
            String yaml = opts.containsKey("--taxonomy") ? Files.readString(Path.of(opts.get("--taxonomy")))
                    : new String(TopicEvaluator.class.getResourceAsStream("/taxonomy/default.yaml").readAllBytes(),
                    StandardCharsets.UTF_8);
            yaml = yaml.replaceAll("threshold: [0-9.]+", "threshold: 0.0001")
                    .replaceAll("saturation: [0-9.]+", "saturation: 100");
            TopicEvaluator raw = new TopicEvaluator(Taxonomy.parse(yaml), linker);
            List<Gold> gold = readGold(Path.of(opts.get("--gold")));
            Set<String> ids = gold.stream().map(Gold::id).collect(Collectors.toSet());
            Map<String, Document> docs = raw.readArticles(Path.of(opts.get("--articles")), ids::contains);
            try (PrintStream ps = new PrintStream(opts.get("--scores"), StandardCharsets.UTF_8)) {
                for (Gold g : gold) {
                    Map<String, Double> s = new HashMap<>();
                    raw.classify(docs.get(g.id())).forEach(m -> s.put(m.id(), m.score() * 100));
                    for (String t : DEFAULT_TOPICS) {
                        ps.printf(Locale.ROOT, "%s\t%s\t%d\t%d\t%.3f%n", g.id(), t, g.topics().contains(t) ? 1 : 0,
                                g.borderline().contains(t) ? 1 : 0, s.getOrDefault(t, 0.0));
                    }
                }
            }
            return;
        }
        TopicEvaluator evaluator = new TopicEvaluator(taxonomy, linker);
        PrintStream out = System.out;
        out.println("taxonomy version: " + taxonomy.version());
        if (opts.containsKey("--gold")) {
            List<Gold> gold = readGold(Path.of(opts.get("--gold")));
            Set<String> ids = gold.stream().map(Gold::id).collect(Collectors.toSet());
            Map<String, Document> docs = evaluator.readArticles(Path.of(opts.get("--articles")), ids::contains);
            evaluator.evaluate(gold, docs, flags.contains("--errors"), out);
        }
        if (opts.containsKey("--csv-recall")) {
            String[] spec = opts.get("--csv-recall").split("=", 2);
            evaluator.csvRecall(spec[0], Path.of(spec[1]), flags.contains("--errors"), out);
        }
        if (opts.containsKey("--ruwa")) {
            evaluator.ruwaRecall(Path.of(opts.get("--ruwa")), flags.contains("--errors"), out);
        }
        if (opts.containsKey("--muc")) {
            evaluator.mucScores(Path.of(opts.get("--muc")), flags.contains("--errors"), out);
        }
        if (opts.containsKey("--bench")) {
            evaluator.bench(Path.of(opts.get("--articles")), Integer.parseInt(opts.get("--bench")), out);
        }
    }

    /** Dev half of the AllSides split: last hex digit of sha1(id) even (eval/topics/README.md). */
    public static boolean isDev(String id) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(id.getBytes(StandardCharsets.UTF_8));
            return (d[d.length - 1] & 0x0f) % 2 == 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Gold> readGold(Path file) throws IOException {
        List<Gold> gold = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            Set<String> topics = new HashSet<>();
            n.path("topics").forEach(t -> topics.add(t.asText()));
            Set<String> borderline = new HashSet<>();
            n.path("borderline").forEach(t -> borderline.add(t.asText()));
            gold.add(new Gold(n.get("id").asText(), topics, borderline, n.path("note").asText(null)));
        }
        return gold;
    }

    public Document document(String id, String title, String body) {
        NormalisedText t = normaliser.normalise(title == null ? "" : title, body == null ? "" : body, false);
        return new Document(id, t.title(), t.text(), t.bodyStart(), "en", null, null);
    }

    /** Articles (JSON lines, optionally gzipped) whose id passes {@code wanted}, normalised. */
    public Map<String, Document> readArticles(Path file, java.util.function.Predicate<String> wanted)
            throws IOException {
        Map<String, Document> docs = new LinkedHashMap<>();
        try (BufferedReader reader = open(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                String id = n.path("id").asText();
                if (wanted.test(id) && !docs.containsKey(id)) {
                    docs.put(id, document(id, n.path("title").asText(""), n.path("body").asText("")));
                }
            }
        }
        return docs;
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    public List<TopicMatch> classify(Document doc) {
        return classifier.classify(doc, linker.link(doc));
    }

    /** Prints the report; returns strict counts per topic. */
    public Map<String, Counts> evaluate(List<Gold> gold, Map<String, Document> docs, boolean errors, PrintStream out) {
        Map<String, int[]> strict = new LinkedHashMap<>();
        Map<String, int[]> lenient = new LinkedHashMap<>();
        for (String t : DEFAULT_TOPICS) {
            strict.put(t, new int[3]);
            lenient.put(t, new int[3]);
        }
        List<String> errorLines = new ArrayList<>();
        int missing = 0;
        for (Gold g : gold) {
            Document doc = docs.get(g.id());
            if (doc == null) {
                missing++;
                continue;
            }
            List<TopicMatch> predicted = classify(doc);
            Map<String, TopicMatch> byId = predicted.stream().collect(Collectors.toMap(TopicMatch::id, m -> m));
            for (String t : DEFAULT_TOPICS) {
                boolean p = byId.containsKey(t);
                boolean y = g.topics().contains(t);
                int cell = p && y ? 0 : p ? 1 : y ? 2 : -1;
                if (cell < 0) {
                    continue;
                }
                strict.get(t)[cell]++;
                boolean border = g.borderline().contains(t);
                if (!border) {
                    lenient.get(t)[cell]++;
                }
                if (cell > 0) {
                    errorLines.add(String.format(Locale.ROOT, "%s %-15s %s%s  \"%s\"%n      evidence: %s%n      gold: %s%s",
                            cell == 1 ? "FP" : "FN", t, g.id(), border ? " (borderline)" : "",
                            doc.title(), cell == 1 ? describe(byId.get(t)) : "-",
                            g.topics(), g.note() == null ? "" : "  note: " + g.note()));
                }
            }
        }
        if (missing > 0) {
            out.println("WARNING: " + missing + " gold ids not found in the articles file");
        }
        out.println("articles: " + (gold.size() - missing));
        Map<String, Counts> result = table("strict (gold as written)", strict, out);
        table("lenient (borderline calls ignored)", lenient, out);
        if (errors) {
            out.println();
            out.println("false positives (FP, with the evidence that fired) and false negatives (FN):");
            errorLines.forEach(out::println);
        }
        return result;
    }

    private static Map<String, Counts> table(String title, Map<String, int[]> counts, PrintStream out) {
        out.println();
        out.println(title);
        out.printf(Locale.ROOT, "%-16s %4s %4s %4s %6s %6s %6s%n", "topic", "tp", "fp", "fn", "P", "R", "F1");
        int tp = 0;
        int fp = 0;
        int fn = 0;
        Map<String, Counts> result = new LinkedHashMap<>();
        for (var e : counts.entrySet()) {
            Counts c = new Counts(e.getValue()[0], e.getValue()[1], e.getValue()[2]);
            result.put(e.getKey(), c);
            tp += c.tp();
            fp += c.fp();
            fn += c.fn();
            out.printf(Locale.ROOT, "%-16s %4d %4d %4d %6.3f %6.3f %6.3f%n", e.getKey(), c.tp(), c.fp(), c.fn(),
                    c.precision(), c.recall(), c.f1());
        }
        Counts micro = new Counts(tp, fp, fn);
        out.printf(Locale.ROOT, "%-16s %4d %4d %4d %6.3f %6.3f %6.3f%n", "micro (9 topics)", tp, fp, fn,
                micro.precision(), micro.recall(), micro.f1());
        return result;
    }

    static String describe(TopicMatch m) {
        if (m == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "score %.3f ", m.score()) + m.evidence().stream()
                .map(e -> e.term() + "@" + e.start() + "[" + e.rulePart() + " " + e.weight() + "]")
                .collect(Collectors.joining(", "));
    }

    /** Recall of {@code topic} over a CSV whose every row is about it (columns article_title, article_content). */
    public double csvRecall(String topic, Path csv, boolean errors, PrintStream out) throws IOException {
        List<List<String>> rows;
        // Lenient decoding: FA-KES is not valid UTF-8 throughout; bad bytes become U+FFFD.
        try (Reader r = new BufferedReader(new InputStreamReader(Files.newInputStream(csv),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)))) {
            rows = Csv.read(r);
        }
        List<String> header = rows.get(0);
        int ti = header.indexOf("article_title");
        int ci = header.indexOf("article_content");
        int hit = 0;
        int total = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() <= Math.max(ti, ci)) {
                continue;
            }
            total++;
            Document doc = document("csv-" + total, row.get(ti), row.get(ci));
            boolean found = classify(doc).stream().anyMatch(m -> m.id().equals(topic));
            if (found) {
                hit++;
            } else if (errors) {
                out.println("FN " + topic + " row " + total + ": " + row.get(ti));
            }
        }
        double recall = total == 0 ? 0 : hit / (double) total;
        out.printf(Locale.ROOT, "%n%s recall on %s: %d / %d = %.4f%n", topic, csv.getFileName(), hit, total, recall);
        return recall;
    }

    /**
     * Recall of {@code ukraine-war} on RUWA's headlines: every row's title (a zip holding one CSV with a {@code title}
     * column, or the CSV itself) is a Russia-Ukraine war headline; there is no body, so a headline alone must do.
     */
    public double ruwaRecall(Path file, boolean errors, PrintStream out) throws IOException {
        List<List<String>> rows;
        if (file.getFileName().toString().endsWith(".zip")) {
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                java.util.zip.ZipEntry csv = zip.stream()
                        .filter(e -> e.getName().endsWith(".csv") && !e.getName().startsWith("__MACOSX"))
                        .findFirst().orElseThrow(() -> new IOException(file + " holds no CSV"));
                try (Reader r = new BufferedReader(
                        new InputStreamReader(zip.getInputStream(csv), StandardCharsets.UTF_8))) {
                    rows = Csv.read(r);
                }
            }
        } else {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                rows = Csv.read(r);
            }
        }
        int ti = rows.get(0).indexOf("title");
        if (ti < 0) {
            throw new IOException(file + " has no title column");
        }
        int hit = 0;
        int total = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() <= ti || row.get(ti).isBlank()) {
                continue;
            }
            total++;
            boolean found = classify(document("ruwa-" + total, row.get(ti), "")).stream()
                    .anyMatch(m -> m.id().equals("ukraine-war"));
            if (found) {
                hit++;
            } else if (errors) {
                out.println("FN ukraine-war headline " + total + ": " + row.get(ti));
            }
        }
        double recall = total == 0 ? 0 : hit / (double) total;
        out.printf(Locale.ROOT, "%nukraine-war recall on RUWA headlines (%s): %d / %d = %.4f%n", file.getFileName(),
                hit, total, recall);
        return recall;
    }

    /**
     * Precision and recall of {@code terrorism} on MUC-3/4 documents (JSON lines: docid, split, text,
     * terrorism_relevant), per split: relevant documents are positives, the others near-misses. The texts are
     * upper case wire copy; they are classified as they are, with no title.
     */
    public void mucScores(Path file, boolean errors, PrintStream out) throws IOException {
        Map<String, int[]> bySplit = new java.util.TreeMap<>(); // split -> tp, fp, fn, documents
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                boolean relevant = n.path("terrorism_relevant").asText().equalsIgnoreCase("true");
                String id = n.path("docid").asText();
                boolean found = classify(document(id, "", n.path("text").asText())).stream()
                        .anyMatch(m -> m.id().equals("terrorism"));
                int[] c = bySplit.computeIfAbsent(n.path("split").asText("all"), k -> new int[4]);
                c[3]++;
                if (found && relevant) {
                    c[0]++;
                } else if (found) {
                    c[1]++;
                } else if (relevant) {
                    c[2]++;
                }
                if (errors && found != relevant) {
                    out.println((found ? "FP" : "FN") + " terrorism " + id);
                }
            }
        }
        out.printf(Locale.ROOT, "%nterrorism on MUC-3/4 (%s), per split:%n", file.getFileName());
        for (Map.Entry<String, int[]> e : bySplit.entrySet()) {
            int[] c = e.getValue();
            double p = c[0] + c[1] == 0 ? 0 : c[0] / (double) (c[0] + c[1]);
            double rc = c[0] + c[2] == 0 ? 0 : c[0] / (double) (c[0] + c[2]);
            out.printf(Locale.ROOT, "  %-6s %5d documents  P %.3f  R %.3f  (tp %d, fp %d, fn %d)%n", e.getKey(), c[3],
                    p, rc, c[0], c[1], c[2]);
        }
    }

    /**
     * Throughput of the topic stage alone (entities linked beforehand) over dev-half AllSides articles: a simple
     * timing loop after warm-up, not JMH.
     */
    public void bench(Path articles, int limit, PrintStream out) throws IOException {
        Map<String, Document> docs = new LinkedHashMap<>();
        int[] seen = {0};
        Map<String, Document> all = readArticles(articles, id -> isDev(id) && seen[0]++ < limit);
        docs.putAll(all);
        List<Document> list = new ArrayList<>(docs.values());
        List<List<EntityMatch>> ents = new ArrayList<>();
        long chars = 0;
        for (Document d : list) {
            ents.add(linker.link(d));
            chars += d.text().length();
        }
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < list.size(); i++) {
                sink += classifier.classify(list.get(i), ents.get(i)).size();
            }
        }
        int rounds = 10;
        long t0 = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < list.size(); i++) {
                sink += classifier.classify(list.get(i), ents.get(i)).size();
            }
        }
        long ns = System.nanoTime() - t0;
        double perSecond = (double) rounds * list.size() / (ns / 1e9);
        out.printf(Locale.ROOT, "%nbench (simple timing loop, not JMH; one thread): %d articles x %d rounds, mean %d"
                + " chars/article: %.0f articles/s (%.1f us/article) [sink %d]%n", list.size(), rounds,
                chars / Math.max(1, list.size()), perSecond, 1e6 / perSecond, sink);
    }

    /** Minimal RFC 4180 CSV reader: quoted fields may hold commas, quotes ("") and newlines. */
    static final class Csv {
        static List<List<String>> read(Reader in) throws IOException {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int c;
            while ((c = in.read()) != -1) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next == -1) {
                                break;
                            }
                            in.reset();
                        }
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else if (ch != '\r') {
                    field.append(ch);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
