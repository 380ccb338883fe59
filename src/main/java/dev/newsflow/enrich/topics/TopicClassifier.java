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
    /** Per compiled-term ref: its topic, rule part, group and weight, and the part's name, unboxed. */
    private final int[] refTopic;
    private final Part[] refPart;
    private final int[] refGroup;
    private final double[] refWeight;
    private final String[] refPartName;
    /** The compiled terms by their first token key, probed by the token's hash (open addressing). */
    private final int slotMask;
    private final int[] slotHash;
    private final String[] slotKey;
    private final boolean[] slotPlain;
    private final Pattern[][] slotPatterns;
    /** One bit per first-key hash (top 16 bits of the mixed hash): most tokens start no term and stop here. */
    private final long[] firstKeyFilter = new long[1 << 10];
    /** Per topic: whether it has entity boosts, so it is scored even without a term hit. */
    private final boolean[] hasBoosts;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    public TopicClassifier(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        Ref[] refs = taxonomy.refs();
        refTopic = new int[refs.length];
        refPart = new Part[refs.length];
        refGroup = new int[refs.length];
        refWeight = new double[refs.length];
        refPartName = new String[refs.length];
        for (int r = 0; r < refs.length; r++) {
            refTopic[r] = refs[r].topic();
            refPart[r] = refs[r].part();
            refGroup[r] = refs[r].group();
            refWeight[r] = refs[r].weight();
            refPartName[r] = refs[r].partName().intern();
        }
        Map<String, TermPattern[]> index = taxonomy.index();
        int capacity = Integer.highestOneBit(Math.max(16, index.size() * 3) - 1) << 1; // load <= 1/3
        slotMask = capacity - 1;
        slotHash = new int[capacity];
        slotKey = new String[capacity];
        slotPlain = new boolean[capacity];
        slotPatterns = new Pattern[capacity][];
        index.forEach((key, patterns) -> {
            int slot = slot(key.hashCode());
            while (slotKey[slot] != null) {
                slot = (slot + 1) & slotMask;
            }
            slotKey[slot] = key;
            slotHash[slot] = key.hashCode();
            slotPlain[slot] = isPlain(key);
            int bit = filterBit(key.hashCode());
            firstKeyFilter[bit >>> 6] |= 1L << bit;
            Pattern[] compiled = new Pattern[patterns.length];
            for (int p = 0; p < patterns.length; p++) {
                compiled[p] = new Pattern(patterns[p]);
            }
            slotPatterns[slot] = compiled;
        });
        List<TopicRule> topics = taxonomy.topics();
        hasBoosts = new boolean[topics.size()];
        for (int t = 0; t < topics.size(); t++) {
            hasBoosts[t] = !topics.get(t).boosts().isEmpty();
        }
    }

    private static int filterBit(int hash) {
        return (hash * 0x9E3779B9) >>> 16;
    }

    private int slot(int hash) {
        int h = hash * 0x9E3779B9;
        return (h ^ (h >>> 16)) & slotMask;
    }

    /** One compiled term as the matcher probes it: every key with its hash, so most mismatches cost one compare. */
    private static final class Pattern {
        final String[] keys;
        final int[] hashes;
        /** Per key: only ASCII characters and no capitals, so an ASCII token can be compared char by char. */
        final boolean[] plain;
        final boolean caseSensitive;
        final String[] surfaces;
        final int ref;

        Pattern(TermPattern p) {
            keys = p.keys();
            hashes = new int[keys.length];
            plain = new boolean[keys.length];
            for (int k = 0; k < keys.length; k++) {
                hashes[k] = keys[k].hashCode();
                plain[k] = isPlain(keys[k]);
            }
            caseSensitive = p.caseSensitive();
            surfaces = p.surfaces();
            ref = p.ref();
        }
    }

    /** Per-thread working arrays, reused from article to article. */
    private static final class Scratch {
        int[] sentenceOf = new int[2048];
        char[] chars = new char[8192];
        byte[] zone = new byte[256];
        boolean[] vetoed = new boolean[256];
        int[] sentenceMark = new int[256];
        int mark;
        int substantive;
        boolean nearInHeadOrLead;
        int[] perRef = new int[0];
        int[] byTopic = new int[64];
        int[] topicStart = new int[0];
        int[] rights = new int[64];
        final Hits hits = new Hits();

        /** The text's characters, read without String.charAt's bounds checks; valid in [0, text.length()). */
        char[] chars(String text) {
            if (chars.length < text.length()) {
                chars = new char[Math.max(text.length(), chars.length * 2)];
            }
            text.getChars(0, text.length(), chars, 0);
            return chars;
        }

        /** Token -> first token of the place mention ending there, else -1; cleared by {@link #clearPlaces}. */
        private int[] endToStart = new int[0];
        final Hits placeEnds = new Hits();

        private int[] charToken = new int[0];

        int[] charToken(int size) {
            if (charToken.length < size) {
                charToken = new int[Math.max(size, charToken.length * 2)];
            }
            return charToken;
        }

        int[] endToStart(int size) {
            if (endToStart.length < size) {
                endToStart = new int[Math.max(size, endToStart.length * 2)];
                Arrays.fill(endToStart, -1);
            }
            return endToStart;
        }

        void clearPlaces() {
            for (int p = 0; p < placeEnds.size; p++) {
                endToStart[placeEnds.ref[p]] = -1;
            }
            placeEnds.size = 0;
        }

        void ensureTokens(int n) {
            if (sentenceOf.length < n) {
                sentenceOf = new int[Math.max(n, sentenceOf.length * 2)];
            }
        }

        void ensureSentences(int s) {
            if (zone.length < s) {
                int c = Math.max(s, zone.length * 2);
                zone = new byte[c];
                vetoed = new boolean[c];
                sentenceMark = new int[c];
                mark = 0;
            }
        }
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
        Scratch sc = scratch.get();
        sc.ensureTokens(n);
        int[] sentenceOf = sc.sentenceOf;
        char[] chars = sc.chars(text);
        int sentences = segment(chars, tokens, sentenceOf);
        sc.ensureSentences(sentences);
        byte[] zone = sc.zone;
        zones(tokens, sentenceOf, zone, document.bodyStart(), taxonomy.leadChars());

        Hits hits = match(chars, text, tokens, sc.hits);
        List<EntityMatch> ents = entities == null ? List.of() : entities;

        // Group the hits by topic, keeping text order within each topic.
        List<TopicRule> topics = taxonomy.topics();
        int topicCount = topics.size();
        if (sc.topicStart.length < topicCount + 1) {
            sc.topicStart = new int[topicCount + 1];
        }
        int[] topicStart = sc.topicStart;
        Arrays.fill(topicStart, 0, topicCount + 1, 0);
        for (int h = 0; h < hits.size; h++) {
            topicStart[refTopic[hits.ref[h]] + 1]++;
        }
        for (int t = 0; t < topicCount; t++) {
            topicStart[t + 1] += topicStart[t];
        }
        if (sc.byTopic.length < hits.size) {
            sc.byTopic = new int[Math.max(hits.size, sc.byTopic.length * 2)];
        }
        int[] byTopic = sc.byTopic;
        for (int h = 0; h < hits.size; h++) {
            byTopic[topicStart[refTopic[hits.ref[h]]]++] = h;
        }
        for (int t = topicCount; t > 0; t--) {
            topicStart[t] = topicStart[t - 1];
        }
        topicStart[0] = 0;
        if (sc.perRef.length < refTopic.length) {
            sc.perRef = new int[refTopic.length];
        }

        Article article = new Article(text, chars, tokens, sentenceOf, sentences, zone, hits, byTopic, ents, sc);
        List<TopicMatch> out = new ArrayList<>(4);
        try {
            for (int t = 0; t < topicCount; t++) {
                int from = topicStart[t];
                int to = topicStart[t + 1];
                if (from == to && !hasBoosts[t]) {
                    continue;
                }
                TopicMatch match = scoreTopic(t, topics.get(t), article, from, to);
                if (match != null) {
                    out.add(match);
                }
            }
        } finally {
            sc.clearPlaces();
        }
        if (out.size() > 1) {
            out.sort(Comparator.comparingDouble(TopicMatch::score).reversed().thenComparing(TopicMatch::id));
        }
        return out;
    }

    /** What scoring needs of one article; {@link #listEndToStart} is made on first use only. */
    private static final class Article {
        final String text;
        final TextTokens tokens;
        final int[] sentenceOf;
        final int sentences;
        final byte[] zone;
        final Hits hits;
        final int[] byTopic;
        final List<EntityMatch> entities;
        final Scratch scratch;
        final char[] chars;
        private int[] listEndToStart;
        private int[] charToken;

        Article(String text, char[] chars, TextTokens tokens, int[] sentenceOf, int sentences, byte[] zone,
                Hits hits, int[] byTopic, List<EntityMatch> entities, Scratch scratch) {
            this.text = text;
            this.chars = chars;
            this.tokens = tokens;
            this.sentenceOf = sentenceOf;
            this.sentences = sentences;
            this.zone = zone;
            this.hits = hits;
            this.byTopic = byTopic;
            this.entities = entities;
            this.scratch = scratch;
        }

        /** Whether tokens [from, to) are one item of a list of at least three places. */
        boolean listItem(int from, int to) {
            boolean before = from - 1 >= 1 && isListSeparator(chars, tokens, from - 1);
            boolean after = to + 1 < tokens.size() && isListSeparator(chars, tokens, to);
            if (!before && !after) {
                return false;
            }
            if (listEndToStart == null) {
                listEndToStart = listPlaces(this);
            }
            return TopicClassifier.listItem(from, to, chars, tokens, listEndToStart);
        }

        /**
         * {@link TopicClassifier#tokenAt}: the token containing {@code offset}, else the next one, else -1; from a
         * character-to-token table made on first use (one pass), not a binary search per mention.
         */
        int tokenAt(int offset) {
            if (offset < 0 || offset >= text.length()) {
                return TopicClassifier.tokenAt(tokens, offset);
            }
            if (charToken == null) {
                charToken = scratch.charToken(text.length());
                int n = tokens.size();
                int k = 0;
                for (int c = 0; c < text.length(); c++) {
                    while (k < n && tokens.end(k) <= c) {
                        k++;
                    }
                    charToken[c] = k < n ? k : -1;
                }
            }
            return charToken[offset];
        }
    }

    // ----------------------------------------------------------------------------------------------- scoring

    /** Scores one topic from its hits {@code byTopic[from, to)}; leaves the scratch arrays as it found them. */
    private TopicMatch scoreTopic(int topic, TopicRule rule, Article a, int from, int to) {
        Hits hits = a.hits;
        int[] byTopic = a.byTopic;
        boolean[] vetoed = a.scratch.vetoed;
        try {
            return score(topic, rule, a, from, to);
        } finally {
            int[] perRef = a.scratch.perRef;
            for (int i = from; i < to; i++) {
                int h = byTopic[i];
                perRef[hits.ref[h]] = 0;
                if (refPart[hits.ref[h]] == Part.NOT) {
                    vetoed[a.sentenceOf[hits.from[h]]] = false;
                }
            }
        }
    }

    private TopicMatch score(int topic, TopicRule rule, Article a, int from, int to) {
        Hits hits = a.hits;
        int[] byTopic = a.byTopic;
        int[] sentenceOf = a.sentenceOf;
        TextTokens tokens = a.tokens;
        byte[] zone = a.zone;
        boolean[] vetoed = a.scratch.vetoed;
        int[] perRef = a.scratch.perRef;
        for (int i = from; i < to; i++) {
            int h = byTopic[i];
            Part part = refPart[hits.ref[h]];
            if (part == Part.NOT_DOCUMENT) {
                return null;
            }
            if (part == Part.NOT) {
                vetoed[sentenceOf[hits.from[h]]] = true;
            }
        }
        // Entity requirements.
        if (!rule.requireIds().isEmpty() || !rule.requireTypes().isEmpty()) {
            boolean ok = false;
            for (EntityMatch e : a.entities) {
                if (rule.requireIds().contains(e.id()) || rule.requireTypes().contains(e.type())) {
                    ok = true;
                    break;
                }
            }
            if (!ok) {
                return null;
            }
        }
        if (rule.allGroups() > 0 && from == to) {
            return null;
        }
        List<TopicEvidence> evidence = new ArrayList<>();
        double raw = 0;
        boolean inHeadOrLead = false;
        Scratch sc = a.scratch;
        int mark = ++sc.mark; // sentences with substantive evidence are those whose sentenceMark equals mark
        if (mark == Integer.MAX_VALUE) {
            Arrays.fill(sc.sentenceMark, 0);
            sc.mark = mark = 1;
        }
        int[] sentenceMark = sc.sentenceMark;
        int substantive = 0;
        boolean[] groupSeen = rule.allGroups() == 0 ? null : new boolean[rule.allGroups()];
        int lastEnd = -1;
        for (int i = from; i < to; i++) {
            int h = byTopic[i];
            int ref = hits.ref[h];
            Part part = refPart[ref];
            if (part != Part.TERMS && part != Part.ALL) {
                continue;
            }
            int s = sentenceOf[hits.from[h]];
            int start = tokens.start(hits.from[h]);
            if (vetoed[s]) {
                continue;
            }
            if (part == Part.ALL) {
                groupSeen[refGroup[ref]] = true;
                if (refWeight[ref] == 0) {
                    continue;
                }
            }
            if (start < lastEnd) {
                continue;
            }
            if (perRef[ref]++ >= rule.termCap()) {
                continue;
            }
            int end = tokens.end(hits.to[h] - 1);
            lastEnd = end;
            boolean listed = rule.listDamping() < 1 && a.listItem(hits.from[h], hits.to[h]);
            double w = refWeight[ref] * multiplier(rule, zone[s]) * (listed ? rule.listDamping() : 1);
            raw += w;
            evidence.add(new TopicEvidence(a.text.substring(start, end), start, end, refPartName[ref], round(w)));
            if (!listed) {
                inHeadOrLead |= zone[s] != BODY;
                if (sentenceMark[s] != mark) {
                    sentenceMark[s] = mark;
                    substantive++;
                }
            }
        }
        if (groupSeen != null) {
            for (boolean seen : groupSeen) {
                if (!seen) {
                    return null;
                }
            }
        }
        // Same-sentence proximity.
        if (!rule.near().isEmpty()) {
            sc.substantive = substantive;
            sc.nearInHeadOrLead = false;
            for (int r = 0; r < rule.near().size(); r++) {
                raw += near(r, rule, a, from, to, evidence, mark);
            }
            substantive = sc.substantive;
            inHeadOrLead |= sc.nearInHeadOrLead;
        }
        // Entity boosts.
        for (EntityBoost boost : rule.boosts()) {
            for (EntityMatch e : a.entities) {
                if (!(boost.id() != null ? boost.id().equals(e.id()) : boost.type() == e.type())) {
                    continue;
                }
                int used = 0;
                for (Span m : e.mentions()) {
                    if (used >= boost.cap()) {
                        break;
                    }
                    int tok = a.tokenAt(m.start());
                    if (tok < 0) {
                        continue;
                    }
                    int s = sentenceOf[tok];
                    if (vetoed[s]) {
                        continue;
                    }
                    int tokEnd = a.tokenAt(Math.max(m.start(), m.end() - 1)) + 1;
                    boolean listed = rule.listDamping() < 1 && a.listItem(tok, tokEnd);
                    double w = boost.weight() * multiplier(rule, zone[s]) * (listed ? rule.listDamping() : 1);
                    raw += w;
                    used++;
                    evidence.add(new TopicEvidence(e.id(), m.start(), m.end(), "entities.boost", round(w)));
                    if (!listed) {
                        inHeadOrLead |= zone[s] != BODY;
                        if (sentenceMark[s] != mark) {
                            sentenceMark[s] = mark;
                            substantive++;
                        }
                    }
                }
            }
        }
        if (evidence.isEmpty()) {
            return null;
        }
        // Substantial subject: headline or lead, or at least min_sentences sentences.
        if (!inHeadOrLead && substantive < rule.minSentences()) {
            return null;
        }
        double score = Math.min(1.0, raw / rule.saturation());
        if (score < rule.threshold()) {
            return null;
        }
        evidence.sort(Comparator.comparingInt(TopicEvidence::start).thenComparing(TopicEvidence::rulePart));
        return new TopicMatch(rule.id(), round(score), evidence);
    }
    /** One near rule over the topic's hits {@code byTopic[from, to)}: adds evidence, marks its sentences. */
    private double near(int r, TopicRule rule, Article a, int from, int to, List<TopicEvidence> evidence, int mark) {
        Near near = rule.near().get(r);
        Hits hits = a.hits;
        int[] byTopic = a.byTopic;
        int[] sentenceOf = a.sentenceOf;
        boolean[] vetoed = a.scratch.vetoed;
        Scratch sc = a.scratch;
        // The right-hand hits in text order: each left hit finds its partner by binary search, not by a scan of every
        // hit, which was quadratic (22 s for 400 KB of "Ukraine" without a right-hand term).
        if (sc.rights.length < to - from) {
            sc.rights = new int[Math.max(to - from, sc.rights.length * 2)];
        }
        int[] rights = sc.rights;
        int rightCount = 0;
        for (int i = from; i < to; i++) {
            int b = byTopic[i];
            int ref = hits.ref[b];
            if (refPart[ref] == Part.NEAR_RIGHT && refGroup[ref] == r) {
                rights[rightCount++] = b;
            }
        }
        double raw = 0;
        int fired = 0;
        int lastSentence = -1;
        for (int i = from; i < to && fired < rule.termCap() && rightCount > 0; i++) {
            int h = byTopic[i];
            int left = hits.ref[h];
            if (refPart[left] != Part.NEAR_LEFT || refGroup[left] != r) {
                continue;
            }
            int s = sentenceOf[hits.from[h]];
            if (vetoed[s] || s == lastSentence) {
                continue;
            }
            int lo = firstTokenOf(sentenceOf, a.tokens.size(), s);
            if (near.within() > 0) {
                lo = Math.max(lo, hits.from[h] - near.within());
            }
            int b = firstHitFrom(hits, rights, rightCount, lo);
            if (b < 0 || sentenceOf[hits.from[b]] != s
                    || (near.within() > 0 && hits.from[b] - hits.from[h] > near.within())) {
                continue;
            }
            double w = near.weight() * multiplier(rule, a.zone[s]);
            raw += w;
            fired++;
            lastSentence = s;
            if (sc.sentenceMark[s] != mark) {
                sc.sentenceMark[s] = mark;
                sc.substantive++;
            }
            sc.nearInHeadOrLead |= a.zone[s] != BODY;
            addEvidence(evidence, a.text, a.tokens, hits, h, refPartName[left], w / 2);
            addEvidence(evidence, a.text, a.tokens, hits, b, refPartName[hits.ref[b]], w / 2);
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

    /** The first token of sentence {@code s}; sentenceOf[0, n) never decreases. */
    private static int firstTokenOf(int[] sentenceOf, int n, int s) {
        int lo = 0;
        int hi = n;
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

    /** Every term hit in text order; for each token, the patterns of its key in the taxonomy's order. */
    private Hits match(char[] chars, String text, TextTokens tokens, Hits hits) {
        hits.size = 0;
        int n = tokens.size();
        int[] slotHash = this.slotHash;
        String[] slotKey = this.slotKey;
        boolean[] slotPlain = this.slotPlain;
        long[] filter = firstKeyFilter;
        for (int i = 0; i < n; i++) {
            int hash = tokens.hash(i);
            int bit = filterBit(hash);
            if ((filter[bit >>> 6] & (1L << bit)) == 0) {
                continue;
            }
            int slot = slot(hash);
            String key;
            while ((key = slotKey[slot]) != null) {
                if (slotHash[slot] == hash && keyEquals(chars, tokens, i, key, slotPlain[slot])) {
                    for (Pattern p : slotPatterns[slot]) {
                        int end = matchAt(chars, text, tokens, i, p);
                        if (end > 0) {
                            hits.add(p.ref, i, end);
                        }
                    }
                    break;
                }
                slot = (slot + 1) & slotMask;
            }
        }
        return hits;
    }

    /** Whether {@code key} contains only ASCII characters and no capitals. */
    private static boolean isPlain(String key) {
        for (int c = 0; c < key.length(); c++) {
            char ch = key.charAt(c);
            if (ch >= 0x80 || (ch >= 'A' && ch <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link TextTokens#keyEquals} for a token whose hash equals the key's: an ASCII token against a plain key is
     * compared here (ASCII case folding, as the tokens' keys are folded); anything else goes to TextTokens.
     */
    private static boolean keyEquals(char[] chars, TextTokens tokens, int i, String key, boolean plain) {
        int start = tokens.start(i);
        int len = tokens.end(i) - start;
        if (!plain || len != key.length()) {
            return plain ? tokens.keyEquals(i, key) : tokens.keyEquals(i, key);
        }
        for (int j = 0; j < len; j++) {
            char c = chars[start + j];
            if (c >= 0x80) {
                return tokens.keyEquals(i, key);
            }
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != key.charAt(j)) {
                // Still ASCII so far; a later non-ASCII character cannot make an ASCII key match a longer fold, but
                // let TextTokens decide whenever the token is not pure ASCII.
                for (int r = j + 1; r < len; r++) {
                    if (chars[start + r] >= 0x80) {
                        return tokens.keyEquals(i, key);
                    }
                }
                return false;
            }
        }
        return true;
    }

    /** The token index after the match of {@code p} starting at token {@code i} (whose key is known to match). */
    private static int matchAt(char[] chars, String text, TextTokens tokens, int i, Pattern p) {
        if (p.caseSensitive && !surfaceEquals(text, tokens, i, p.surfaces[0])) {
            return -1;
        }
        String[] keys = p.keys;
        int t = i + 1;
        int n = tokens.size();
        for (int k = 1; k < keys.length; k++) {
            while (t < n && tokens.end(t) - tokens.start(t) == 1 && chars[tokens.start(t)] == '-') {
                t++;
            }
            if (t >= n || tokens.hash(t) != p.hashes[k] || !keyEquals(chars, tokens, t, keys[k], p.plain[k])) {
                return -1;
            }
            if (p.caseSensitive && !surfaceEquals(text, tokens, t, p.surfaces[k])) {
                return -1;
            }
            t++;
        }
        return t;
    }

    private static boolean surfaceEquals(String text, TextTokens tokens, int t, String surface) {
        return tokens.end(t) - tokens.start(t) == surface.length()
                && text.regionMatches(tokens.start(t), surface, 0, surface.length());
    }

    // -------------------------------------------------------------------------------------------- sentences

    /** Fills sentenceOf for every token; returns the number of sentences. The title is its own sentence(s). */
    static int segment(char[] text, TextTokens tokens, int[] sentenceOf) {
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

    private static boolean breakBefore(char[] text, TextTokens tokens, int i) {
        int prevStart = tokens.start(i - 1);
        int prevEnd = tokens.end(i - 1);
        int start = tokens.start(i);
        for (int c = prevEnd; c < start; c++) {
            if (text[c] == '\n') {
                return true;
            }
        }
        // Fast path: only a terminal mark or a closing quote or bracket before token i can end a sentence.
        if (prevEnd - prevStart != 1 || !mayEndSentence(text[prevStart])) {
            return false;
        }
        // Skip closing quotes and brackets after the terminal mark: He said "no." Then ...
        int j = i - 1;
        while (j > 0 && (is(text, tokens, j, '"') || is(text, tokens, j, '\'') || is(text, tokens, j, ')') || is(text, tokens, j, ']')
                || is(text, tokens, j, '\u201D') || is(text, tokens, j, '\u2019'))) {
            j--;
        }
        if (!is(text, tokens, j, '.') && !is(text, tokens, j, '!') && !is(text, tokens, j, '?')) {
            return false;
        }
        char first = text[tokens.start(i)];
        if (!(Character.isUpperCase(first) || Character.isDigit(first) || first == '"' || first == '\u201C'
                || first == '\'' || first == '\u2018')) {
            return false;
        }
        if (is(text, tokens, j, '.') && j > 0) {
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

    /** {@link TextTokens#is} on the text's characters. */
    private static boolean is(char[] text, TextTokens tokens, int i, char c) {
        int start = tokens.start(i);
        return tokens.end(i) - start == 1 && text[start] == c;
    }

    /** The single characters that end a sentence or may stand between its terminal mark and the next one. */
    private static boolean mayEndSentence(char c) {
        return switch (c) {
            case '.', '!', '?', '"', '\'', ')', ']', '\u201D', '\u2019' -> true;
            default -> false;
        };
    }

    /** Fills zone[0, sentences) from the start of each sentence's first token. */
    private static void zones(TextTokens tokens, int[] sentenceOf, byte[] zone, int bodyStart, int leadChars) {
        int prev = -1;
        for (int i = 0; i < tokens.size(); i++) {
            int s = sentenceOf[i];
            if (s != prev) {
                int start = tokens.start(i);
                zone[s] = start < bodyStart ? TITLE : start < bodyStart + leadChars ? LEAD : BODY;
                prev = s;
            }
        }
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
    private static int[] listPlaces(Article article) {
        TextTokens tokens = article.tokens;
        Scratch scratch = article.scratch;
        int[] endToStart = scratch.endToStart(tokens.size() + 1);
        for (EntityMatch e : article.entities) {
            if (e.type() != EntityKind.COUNTRY && e.type() != EntityKind.LOCATION) {
                continue;
            }
            for (Span m : e.mentions()) {
                int a = article.tokenAt(m.start());
                int b = article.tokenAt(Math.max(m.start(), m.end() - 1));
                if (a >= 0 && b >= 0) {
                    endToStart[b] = a;
                    scratch.placeEnds.add(b, 0, 0);
                }
            }
        }
        return endToStart;
    }

    /** Whether token t is a list separator (LIST_SEPARATORS); ASCII tokens are checked here, others by the index. */
    private static boolean isListSeparator(char[] chars, TextTokens tokens, int t) {
        int start = tokens.start(t);
        int len = tokens.end(t) - start;
        if (len == 1) {
            char c = chars[start];
            if (c < 0x80) {
                return c == ',' || c == '&' || c == '/' || c == ';';
            }
        } else if (len == 2 || len == 3) {
            char c0 = chars[start];
            char c1 = chars[start + 1];
            if (c0 < 0x80 && c1 < 0x80 && (len == 2 || chars[start + 2] < 0x80)) {
                c0 = (char) (c0 | 0x20);
                c1 = (char) (c1 | 0x20);
                return len == 2 ? c0 == 'o' && c1 == 'r' && isLetter(chars[start]) && isLetter(chars[start + 1])
                        : c0 == 'a' && c1 == 'n' && (chars[start + 2] | 0x20) == 'd' && isLetter(chars[start])
                        && isLetter(chars[start + 1]) && isLetter(chars[start + 2]);
            }
        } else {
            for (int c = start; c < start + len; c++) {
                if (chars[c] >= 0x80) {
                    return LIST_SEPARATOR_INDEX.get(tokens, t) != null;
                }
            }
            return false;
        }
        return LIST_SEPARATOR_INDEX.get(tokens, t) != null;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Whether tokens [from, to) are one item of a list of at least three places ("Iran, Syria and Cuba"). */
    private static boolean listItem(int from, int to, char[] chars, TextTokens tokens, int[] endToStart) {
        int neighbours = 0;
        int t = from - 1;
        while (neighbours < 2 && t >= 1 && isListSeparator(chars, tokens, t)
                && endToStart[t - 1] >= 0) {
            neighbours++;
            t = endToStart[t - 1] - 1;
        }
        t = to;
        while (neighbours < 2 && t + 1 < tokens.size() && isListSeparator(chars, tokens, t)) {
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
