package dev.newsflow.enrich.topics;

import dev.newsflow.enrich.Document;
import dev.newsflow.enrich.entities.EntityMatch;
import dev.newsflow.enrich.entities.EntityMatch.EntityKind;
import dev.newsflow.enrich.entities.Span;
import dev.newsflow.enrich.entities.TextTokens;
import dev.newsflow.enrich.entities.TokenKeyIndex;
import dev.newsflow.enrich.topics.Taxonomy.EntityBoost;
import dev.newsflow.enrich.topics.Taxonomy.Near;
import dev.newsflow.enrich.topics.Taxonomy.Part;
import dev.newsflow.enrich.topics.Taxonomy.Ref;
import dev.newsflow.enrich.topics.Taxonomy.TopicRule;
import dev.newsflow.enrich.topics.TopicMatch.TopicEvidence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns topics to a document under a {@link Taxonomy}. One pass over the tokens looks every token key up in the
 * taxonomy's precompiled index (no regular expressions, linear in the text); each topic is then scored from its
 * hits. Stateless apart from the taxonomy, so one instance may be shared between threads.
 */
public final class TopicClassifier {

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep",
            "gov", "jr", "sr", "lt", "col", "sgt", "capt", "maj", "adm", "prof", "rev", "vs", "no", "inc", "corp",
            "co", "ltd", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "pres", "ft", "mt",
            "cmdr", "gens", "sens", "reps", "messrs", "hon", "u", "s");
    private static final Set<String> LIST_SEPARATORS = Set.of(",", "and", "or", "&", "/", ";");
    /** The two sets above, probed by token without making key strings. */
    private static final TokenKeyIndex<String> ABBREVIATION_INDEX = index(ABBREVIATIONS);
    private static final TokenKeyIndex<String> LIST_SEPARATOR_INDEX = index(LIST_SEPARATORS);

    private static TokenKeyIndex<String> index(Set<String> words) {
        Map<String, String> map = new HashMap<>();
        words.forEach(w -> map.put(w, w));
        return new TokenKeyIndex<>(map);
    }

    private final Taxonomy taxonomy;
    private final TokenKeyIndex<TermPattern[]> byFirstKey;

    public TopicClassifier(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.byFirstKey = new TokenKeyIndex<>(taxonomy.index());
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The topics of {@code document}, highest score first, each with its evidence. */
    public List<TopicMatch> classify(Document document, List<EntityMatch> entities) {
        return classify(document, TextTokens.of(document.text()), entities);
    }

    /** As {@link #classify(Document, List)}, over the document's tokens made once for every stage. */
    public List<TopicMatch> classify(Document document, TextTokens tokens, List<EntityMatch> entities) {
        String text = document.text();
        int n = tokens.size();
        int[] sentenceOf = new int[n];
        int sentences = segment(text, tokens, sentenceOf);
        byte[] zone = zones(tokens, sentenceOf, sentences, document.bodyStart(), taxonomy.leadChars());

        Hits hits = match(text, tokens);
        List<EntityMatch> ents = entities == null ? List.of() : entities;
        int[] listEndToStart = listPlaces(tokens, ents);

        Ref[] refs = taxonomy.refs();
        List<TopicRule> topics = taxonomy.topics();
        boolean[] touched = new boolean[topics.size()];
        for (int h = 0; h < hits.size; h++) {
            touched[refs[hits.ref[h]].topic()] = true;
        }
        List<TopicMatch> out = new ArrayList<>(4);
        int[] perRef = new int[refs.length];
        for (int t = 0; t < topics.size(); t++) {
            TopicRule rule = topics.get(t);
            if (!touched[t] && rule.boosts().isEmpty()) {
                continue;
            }
            TopicMatch match = score(t, rule, text, tokens, sentenceOf, sentences, zone, hits, ents,
                    listEndToStart, perRef);
            for (int h = 0; h < hits.size; h++) {
                perRef[hits.ref[h]] = 0;
            }
            if (match != null) {
                out.add(match);
            }
        }
        if (out.size() > 1) {
            out.sort(Comparator.comparingDouble(TopicMatch::score).reversed().thenComparing(TopicMatch::id));
        }
        return out;
    }

    // ----------------------------------------------------------------------------------------------- scoring

    private TopicMatch score(int topic, TopicRule rule, String text, TextTokens tokens, int[] sentenceOf,
                             int sentences, byte[] zone, Hits hits, List<EntityMatch> entities, int[] listEndToStart,
                             int[] perRef) {
        Ref[] refs = taxonomy.refs();
        boolean[] vetoed = new boolean[sentences];
        for (int h = 0; h < hits.size; h++) {
            Ref ref = refs[hits.ref[h]];
            if (ref.topic() != topic) {
                continue;
            }
            if (ref.part() == Part.NOT_DOCUMENT) {
                return null;
            }
            if (ref.part() == Part.NOT) {
                vetoed[sentenceOf[hits.from[h]]] = true;
            }
        }
        // Entity requirements.
        if (!rule.requireIds().isEmpty() || !rule.requireTypes().isEmpty()) {
            boolean ok = false;
            for (EntityMatch e : entities) {
                if (rule.requireIds().contains(e.id()) || rule.requireTypes().contains(e.type())) {
                    ok = true;
                    break;
                }
            }
            if (!ok) {
                return null;
            }
        }
        List<TopicEvidence> evidence = new ArrayList<>();
        double raw = 0;
        boolean inHeadOrLead = false;
        BitSet substantive = new BitSet(sentences); // sentences with substantive evidence, unboxed
        boolean[] groupSeen = new boolean[rule.allGroups()];
        int lastEnd = -1;
        for (int h = 0; h < hits.size; h++) {
            Ref ref = refs[hits.ref[h]];
            if (ref.topic() != topic || (ref.part() != Part.TERMS && ref.part() != Part.ALL)) {
                continue;
            }
            int s = sentenceOf[hits.from[h]];
            int start = tokens.start(hits.from[h]);
            if (vetoed[s]) {
                continue;
            }
            if (ref.part() == Part.ALL) {
                groupSeen[ref.group()] = true;
                if (ref.weight() == 0) {
                    continue;
                }
            }
            if (start < lastEnd) {
                continue;
            }
            if (perRef[hits.ref[h]]++ >= rule.termCap()) {
                continue;
            }
            int end = tokens.end(hits.to[h] - 1);
            lastEnd = end;
            boolean listed = rule.listDamping() < 1 && listItem(hits.from[h], hits.to[h], tokens, listEndToStart);
            double w = ref.weight() * multiplier(rule, zone[s]) * (listed ? rule.listDamping() : 1);
            raw += w;
            evidence.add(new TopicEvidence(text.substring(start, end), start, end, ref.partName(), round(w)));
            if (!listed) {
                inHeadOrLead |= zone[s] != BODY;
                substantive.set(s);
            }
        }
        for (boolean seen : groupSeen) {
            if (!seen) {
                return null;
            }
        }
        // Same-sentence proximity.
        for (int r = 0; r < rule.near().size(); r++) {
            raw += near(topic, r, rule, text, tokens, sentenceOf, vetoed, zone, hits, evidence, substantive);
            String nearPart = "near[" + r + "]";
            for (TopicEvidence e : evidence) {
                if (e.rulePart().startsWith(nearPart) && zone[sentenceOf[tokenAt(tokens, e.start())]] != BODY) {
                    inHeadOrLead = true;
                }
            }
        }
        // Entity boosts.
        for (EntityBoost boost : rule.boosts()) {
            for (EntityMatch e : entities) {
                if (!(boost.id() != null ? boost.id().equals(e.id()) : boost.type() == e.type())) {
                    continue;
                }
                int used = 0;
                for (Span m : e.mentions()) {
                    if (used >= boost.cap()) {
                        break;
                    }
                    int tok = tokenAt(tokens, m.start());
                    if (tok < 0) {
                        continue;
                    }
                    int s = sentenceOf[tok];
                    if (vetoed[s]) {
                        continue;
                    }
                    int tokEnd = tokenAt(tokens, Math.max(m.start(), m.end() - 1)) + 1;
                    boolean listed = rule.listDamping() < 1 && listItem(tok, tokEnd, tokens, listEndToStart);
                    double w = boost.weight() * multiplier(rule, zone[s]) * (listed ? rule.listDamping() : 1);
                    raw += w;
                    used++;
                    evidence.add(new TopicEvidence(e.id(), m.start(), m.end(), "entities.boost", round(w)));
                    if (!listed) {
                        inHeadOrLead |= zone[s] != BODY;
                        substantive.set(s);
                    }
                }
            }
        }
        if (evidence.isEmpty()) {
            return null;
        }
        // Substantial subject: headline or lead, or at least min_sentences sentences.
        if (!inHeadOrLead && substantive.cardinality() < rule.minSentences()) {
            return null;
        }
        double score = Math.min(1.0, raw / rule.saturation());
        if (score < rule.threshold()) {
            return null;
        }
        evidence.sort(Comparator.comparingInt(TopicEvidence::start).thenComparing(TopicEvidence::rulePart));
        return new TopicMatch(rule.id(), round(score), evidence);
    }

    private double near(int topic, int r, TopicRule rule, String text, TextTokens tokens, int[] sentenceOf,
                        boolean[] vetoed, byte[] zone, Hits hits, List<TopicEvidence> evidence,
                        BitSet substantive) {
        Ref[] refs = taxonomy.refs();
        Near near = rule.near().get(r);
        // The right-hand hits in text order: each left hit finds its partner by binary search, not by a scan of every
        // hit, which was quadratic (22 s for 400 KB of "Ukraine" without a right-hand term).
        int[] rights = new int[hits.size];
        int rightCount = 0;
        for (int b = 0; b < hits.size; b++) {
            Ref right = refs[hits.ref[b]];
            if (right.topic() == topic && right.part() == Part.NEAR_RIGHT && right.group() == r) {
                rights[rightCount++] = b;
            }
        }
        double raw = 0;
        int fired = 0;
        int lastSentence = -1;
        for (int a = 0; a < hits.size && fired < rule.termCap() && rightCount > 0; a++) {
            Ref left = refs[hits.ref[a]];
            if (left.topic() != topic || left.part() != Part.NEAR_LEFT || left.group() != r) {
                continue;
            }
            int s = sentenceOf[hits.from[a]];
            if (vetoed[s] || s == lastSentence) {
                continue;
            }
            int lo = firstTokenOf(sentenceOf, s);
            if (near.within() > 0) {
                lo = Math.max(lo, hits.from[a] - near.within());
            }
            int b = firstHitFrom(hits, rights, rightCount, lo);
            if (b < 0 || sentenceOf[hits.from[b]] != s
                    || (near.within() > 0 && hits.from[b] - hits.from[a] > near.within())) {
                continue;
            }
            double w = near.weight() * multiplier(rule, zone[s]);
            raw += w;
            fired++;
            lastSentence = s;
            substantive.set(s);
            addEvidence(evidence, text, tokens, hits, a, left.partName(), w / 2);
            addEvidence(evidence, text, tokens, hits, b, refs[hits.ref[b]].partName(), w / 2);
        }
        return raw;
    }

    /** The first of {@code rights[0, count)} (hit indexes in text order) starting at token {@code from} or later. */
    private static int firstHitFrom(Hits hits, int[] rights, int count, int from) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (hits.from[rights[mid]] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < count ? rights[lo] : -1;
    }

    /** The first token of sentence {@code s}; sentenceOf never decreases. */
    private static int firstTokenOf(int[] sentenceOf, int s) {
        int lo = 0;
        int hi = sentenceOf.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sentenceOf[mid] < s) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void addEvidence(List<TopicEvidence> evidence, String text, TextTokens tokens, Hits hits, int h,
                                    String part, double w) {
        int start = tokens.start(hits.from[h]);
        int end = tokens.end(hits.to[h] - 1);
        evidence.add(new TopicEvidence(text.substring(start, end), start, end, part, round(w)));
    }

    private static final byte TITLE = 0;
    private static final byte LEAD = 1;
    private static final byte BODY = 2;

    private static double multiplier(TopicRule rule, byte zone) {
        return zone == TITLE ? rule.titleWeight() : zone == LEAD ? rule.leadWeight() : 1.0;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    // --------------------------------------------------------------------------------------------- matching

    /** Term hits in text order: parallel arrays of compiled-term ref, first token and token after the last. */
    static final class Hits {
        int[] ref = new int[32];
        int[] from = new int[32];
        int[] to = new int[32];
        int size;

        void add(int r, int f, int t) {
            if (size == ref.length) {
                ref = Arrays.copyOf(ref, size * 2);
                from = Arrays.copyOf(from, size * 2);
                to = Arrays.copyOf(to, size * 2);
            }
            ref[size] = r;
            from[size] = f;
            to[size] = t;
            size++;
        }
    }

    private Hits match(String text, TextTokens tokens) {
        Hits hits = new Hits();
        var index = taxonomy.index();
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            TermPattern[] candidates = byFirstKey.get(tokens, i);
            if (candidates == null) {
                continue;
            }
            for (TermPattern p : candidates) {
                int end = matchAt(text, tokens, i, p);
                if (end > 0) {
                    hits.add(p.ref(), i, end);
                }
            }
        }
        return hits;
    }

    /** The token index after the match of {@code p} starting at token {@code i}, or -1. */
    private static int matchAt(String text, TextTokens tokens, int i, TermPattern p) {
        String[] keys = p.keys();
        int t = i;
        for (int k = 0; k < keys.length; k++) {
            if (k > 0) {
                while (t < tokens.size() && tokens.is(t, '-')) {
                    t++;
                }
            }
            if (t >= tokens.size()) {
                return -1;
            }
            if (!tokens.keyEquals(t, keys[k])) {
                return -1;
            }
            if (p.caseSensitive()) {
                String surface = p.surfaces()[k];
                if (tokens.end(t) - tokens.start(t) != surface.length()
                        || !text.regionMatches(tokens.start(t), surface, 0, surface.length())) {
                    return -1;
                }
            }
            t++;
        }
        return t;
    }

    // -------------------------------------------------------------------------------------------- sentences

    /** Fills sentenceOf for every token; returns the number of sentences. The title is its own sentence(s). */
    static int segment(String text, TextTokens tokens, int[] sentenceOf) {
        int s = 0;
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            if (i > 0 && breakBefore(text, tokens, i)) {
                s++;
            }
            sentenceOf[i] = s;
        }
        return n == 0 ? 0 : s + 1;
    }

    private static boolean breakBefore(String text, TextTokens tokens, int i) {
        for (int c = tokens.end(i - 1); c < tokens.start(i); c++) {
            if (text.charAt(c) == '\n') {
                return true;
            }
        }
        // Skip closing quotes and brackets after the terminal mark: He said "no." Then ...
        int j = i - 1;
        while (j > 0 && (tokens.is(j, '"') || tokens.is(j, '\'') || tokens.is(j, ')') || tokens.is(j, ']')
                || tokens.is(j, '\u201D') || tokens.is(j, '\u2019'))) {
            j--;
        }
        if (!tokens.is(j, '.') && !tokens.is(j, '!') && !tokens.is(j, '?')) {
            return false;
        }
        char first = text.charAt(tokens.start(i));
        if (!(Character.isUpperCase(first) || Character.isDigit(first) || first == '"' || first == '\u201C'
                || first == '\'' || first == '\u2018')) {
            return false;
        }
        if (tokens.is(j, '.') && j > 0) {
            int len = tokens.end(j - 1) - tokens.start(j - 1);
            if (tokens.end(j - 1) == tokens.start(j) && len <= 5) {
                String initial = len == 1 ? tokens.key(j - 1) : "";
                if (initial.length() == 1 && Character.isLetter(initial.charAt(0))
                        || ABBREVIATION_INDEX.get(tokens, j - 1) != null) {
                    return false;
                }
            }
        }
        return true;
    }

    private static byte[] zones(TextTokens tokens, int[] sentenceOf, int sentences, int bodyStart, int leadChars) {
        byte[] zone = new byte[sentences];
        Arrays.fill(zone, BODY);
        int prev = -1;
        for (int i = 0; i < tokens.size(); i++) {
            int s = sentenceOf[i];
            if (s != prev) {
                int start = tokens.start(i);
                zone[s] = start < bodyStart ? TITLE : start < bodyStart + leadChars ? LEAD : BODY;
                prev = s;
            }
        }
        return zone;
    }

    private static int tokenAt(TextTokens tokens, int offset) {
        int lo = 0;
        int hi = tokens.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.end(mid) <= offset) {
                lo = mid + 1;
            } else if (tokens.start(mid) > offset) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return lo < tokens.size() ? lo : -1;
    }

    // ------------------------------------------------------------------------------------------------ lists

    /** For every token that ends a country or region mention, the mention's first token; else -1. */
    private static int[] listPlaces(TextTokens tokens, List<EntityMatch> entities) {
        int[] endToStart = new int[tokens.size() + 1];
        Arrays.fill(endToStart, -1);
        for (EntityMatch e : entities) {
            if (e.type() != EntityKind.COUNTRY && e.type() != EntityKind.LOCATION) {
                continue;
            }
            for (Span m : e.mentions()) {
                int a = tokenAt(tokens, m.start());
                int b = tokenAt(tokens, Math.max(m.start(), m.end() - 1));
                if (a >= 0 && b >= 0) {
                    endToStart[b] = a;
                }
            }
        }
        return endToStart;
    }

    /** Whether tokens [from, to) are one item of a list of at least three places ("Iran, Syria and Cuba"). */
    private static boolean listItem(int from, int to, TextTokens tokens, int[] endToStart) {
        int neighbours = 0;
        int t = from - 1;
        while (neighbours < 2 && t >= 1 && LIST_SEPARATOR_INDEX.get(tokens, t) != null
                && endToStart[t - 1] >= 0) {
            neighbours++;
            t = endToStart[t - 1] - 1;
        }
        t = to;
        while (neighbours < 2 && t + 1 < tokens.size() && LIST_SEPARATOR_INDEX.get(tokens, t) != null) {
            int start = t + 1;
            int end = -1;
            for (int e = start; e < Math.min(tokens.size(), start + 6); e++) {
                if (endToStart[e] == start) {
                    end = e;
                    break;
                }
            }
            if (end < 0) {
                break;
            }
            neighbours++;
            t = end + 1;
        }
        return neighbours >= 2;
    }
}
