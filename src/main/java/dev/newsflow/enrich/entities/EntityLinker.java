package dev.newsflow.enrich.entities;

import dev.newsflow.enrich.Document;
import dev.newsflow.enrich.entities.EntityMatch.EntityKind;
import dev.newsflow.enrich.entities.EntityMatch.LinkSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links a document's alias hits to knowledge-base entities under the linking rules, and ranks the entities:
 * <ul>
 *   <li>full names and demonyms link wherever they appear;</li>
 *   <li>a surname links only after the person's full name appeared (in the headline: anywhere in the body);</li>
 *   <li>an ambiguous alias (an ordinary word or common name: Turkey, Chad, Nice) links only when the same
 *       entity is also named unambiguously in the article;</li>
 *   <li>where several entities share a spelling, the best-ranked one the rules allow wins.</li>
 * </ul>
 */
public final class EntityLinker {

    private static final int LEAD_CHARS = 400;

    private final AliasDictionary dictionary;
    private final NameSpotter spotter;
    private final boolean gateOpenSetNer;

    /** Dictionary linking only. */
    public EntityLinker(AliasDictionary dictionary) {
        this(dictionary, null);
    }

    /**
     * Dictionary linking merged with open-set names: the dictionary wins on id and type; a name the model
     * confirms lets an ambiguous alias of a matching type link; other names get a stable local id.
     */
    public EntityLinker(AliasDictionary dictionary, NameSpotter spotter) {
        this(dictionary, spotter, true);
    }

    /**
     * As {@link #EntityLinker(AliasDictionary, NameSpotter)}; {@code gateOpenSetNer} false has the model tag every
     * sentence instead of only those with capitalised words the dictionary left unexplained (for comparisons).
     */
    public EntityLinker(AliasDictionary dictionary, NameSpotter spotter, boolean gateOpenSetNer) {
        this.dictionary = dictionary;
        this.spotter = spotter;
        this.gateOpenSetNer = gateOpenSetNer;
    }

    public List<EntityMatch> link(Document document) {
        return link(document, TextTokens.of(document.text()));
    }

    /** As {@link #link(Document)}, over the document's tokens made once for every stage. */
    public List<EntityMatch> link(Document document, TextTokens tokens) {
        String text = document.text();
        List<AliasDictionary.Hit> hits = dictionary.find(text, tokens);

        // First pass: where each entity is named unambiguously by its full name or demonym.
        Map<String, Integer> firstFullName = new HashMap<>();
        Map<String, Boolean> namedUnambiguously = new HashMap<>();
        for (AliasDictionary.Hit hit : hits) {
            for (Alias alias : hit.acceptable()) {
                if (!alias.ambiguous() && alias.kind() != Alias.Kind.SURNAME) {
                    String id = alias.entity().id();
                    namedUnambiguously.put(id, true);
                    if (alias.kind() == Alias.Kind.NAME) {
                        firstFullName.merge(id, tokens.start(hit.from()), Math::min);
                    }
                }
            }
        }

        List<NameSpotter.Name> names = spotter == null ? List.of()
                : spotter.spot(text, gateOpenSetNer ? linkedWithoutModel(hits, tokens, document, firstFullName,
                namedUnambiguously) : null);
        Linked linked = new Linked();
        List<int[]> covered = new ArrayList<>();
        for (AliasDictionary.Hit hit : hits) {
            int start = tokens.start(hit.from());
            int end = tokens.end(hit.to() - 1);
            NameSpotter.Name confirmed = exactName(names, start, end);
            for (Alias alias : hit.acceptable()) {
                boolean confirmedByModel = confirmed != null && compatible(confirmed.type(), alias.entity().type());
                if (allowed(alias, start, document.bodyStart(), firstFullName, namedUnambiguously)
                        || (alias.ambiguous() && alias.kind() == Alias.Kind.NAME && confirmedByModel)) {
                    linked.add(alias.entity(), new Span(start, end, text.substring(start, end)), overlapsAny(names, start, end));
                    covered.add(new int[] {start, end});
                    break;
                }
            }
        }
        for (NameSpotter.Name name : names) {
            if (!overlapsCovered(covered, name.start(), name.end())) {
                linked.addLocal(name, text);
            }
        }

        List<EntityMatch> matches = new ArrayList<>(linked.mentions.size());
        linked.mentions.forEach((id, spans) -> {
            KbEntity entity = linked.entities.get(id);
            LinkSource source = entity.id().startsWith(LOCAL_PREFIX) ? LinkSource.NER
                    : linked.confirmed.contains(id) ? LinkSource.DICTIONARY_AND_NER : LinkSource.DICTIONARY;
            matches.add(new EntityMatch(id, entity.name(), entity.type(), entity.countryCode(), entity.wikidataId(),
                    source, salience(spans, document), spans));
        });
        matches.sort(Comparator.comparingDouble(EntityMatch::salience).reversed()
                .thenComparingInt(m -> m.mentions().get(0).start()));
        return matches;
    }

    static final String LOCAL_PREFIX = "local:";

    /**
     * The spans of hits that link whatever the model says, as {@code [start, end)} pairs: the model is not asked
     * about sentences these explain. A hit whose choice a model confirmation could change (an ambiguous full name
     * ranked before the first allowed alias) is left out, so the model still sees it.
     */
    private static int[] linkedWithoutModel(List<AliasDictionary.Hit> hits, TextTokens tokens, Document document,
                                            Map<String, Integer> firstFullName, Map<String, Boolean> namedUnambiguously) {
        int[] spans = new int[2 * hits.size()];
        int n = 0;
        for (AliasDictionary.Hit hit : hits) {
            int start = tokens.start(hit.from());
            for (Alias alias : hit.acceptable()) {
                if (allowed(alias, start, document.bodyStart(), firstFullName, namedUnambiguously)) {
                    spans[n++] = start;
                    spans[n++] = tokens.end(hit.to() - 1);
                    break;
                }
                if (alias.ambiguous() && alias.kind() == Alias.Kind.NAME) {
                    break;
                }
            }
        }
        return java.util.Arrays.copyOf(spans, n);
    }

    /** What {@code String.replaceAll} compiled per local name before; compiled once here. */
    private static final java.util.regex.Pattern NOT_LETTER_OR_DIGIT = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final java.util.regex.Pattern EDGE_DASHES = java.util.regex.Pattern.compile("^-+|-+$");

    /** Mentions grouped by entity, in text order. */
    private static final class Linked {
        final Map<String, List<Span>> mentions = new LinkedHashMap<>();
        final Map<String, KbEntity> entities = new HashMap<>();
        final java.util.Set<String> confirmed = new java.util.HashSet<>();
        /** Local person ids of more than one word, by their last word, earliest first. */
        final Map<String, String> localPersonByLastWord = new HashMap<>();

        void add(KbEntity entity, Span span, boolean confirmedByModel) {
            entities.put(entity.id(), entity);
            mentions.computeIfAbsent(entity.id(), k -> new ArrayList<>()).add(span);
            if (confirmedByModel) {
                confirmed.add(entity.id());
            }
        }

        /**
         * A name the knowledge base does not know: id {@code local:<type>:<folded name>}, so the same name gets
         * the same id in every article; a one-word person name joins an earlier person whose last word it is.
         */
        void addLocal(NameSpotter.Name name, String text) {
            String surface = text.substring(name.start(), name.end());
            String key = EDGE_DASHES.matcher(NOT_LETTER_OR_DIGIT.matcher(String.join("-", Tokenizer.keys(surface)))
                    .replaceAll("-")).replaceAll("");
            if (key.isEmpty()) {
                return;
            }
            String kind = name.type().name().toLowerCase(java.util.Locale.ROOT);
            String id = LOCAL_PREFIX + kind + ":" + key;
            if (name.type() == EntityKind.PERSON && !key.contains("-")) {
                id = localPersonByLastWord.getOrDefault(key, id);
            } else if (name.type() == EntityKind.PERSON && !entities.containsKey(id)) {
                // Looked up by last word, not by scanning every entity: a scan per name was quadratic.
                localPersonByLastWord.putIfAbsent(key.substring(key.lastIndexOf('-') + 1), id);
            }
            KbEntity entity = entities.computeIfAbsent(id, k -> new KbEntity(k, surface, name.type(), null, null, 0));
            mentions.computeIfAbsent(id, k -> new ArrayList<>()).add(new Span(name.start(), name.end(), surface));
            if (surface.length() > entity.name().length()) {
                entities.put(id, new KbEntity(id, surface, name.type(), null, null, 0));
            }
        }
    }

    // Names, and the spans the dictionary covered, are in text order and never overlap one another, so the first
    // one ending after a start is the only candidate: a binary search keeps linking linear in the number of names
    // (a scan per hit took seconds on a body listing 50,000 places).

    private static NameSpotter.Name exactName(List<NameSpotter.Name> names, int start, int end) {
        int i = firstNameEndingAfter(names, start);
        NameSpotter.Name name = i < names.size() ? names.get(i) : null;
        return name != null && name.start() == start && name.end() == end ? name : null;
    }

    private static boolean overlapsAny(List<NameSpotter.Name> names, int start, int end) {
        int i = firstNameEndingAfter(names, start);
        return i < names.size() && names.get(i).start() < end;
    }

    private static boolean overlapsCovered(List<int[]> spans, int start, int end) {
        int lo = 0;
        int hi = spans.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (spans.get(mid)[1] <= start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < spans.size() && spans.get(lo)[0] < end;
    }

    private static int firstNameEndingAfter(List<NameSpotter.Name> names, int offset) {
        int lo = 0;
        int hi = names.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (names.get(mid).end() <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether the model's type agrees with the knowledge base's: any place counts as a LOCATION. */
    private static boolean compatible(EntityMatch.EntityKind modelType, EntityMatch.EntityKind kbType) {
        if (modelType == EntityMatch.EntityKind.LOCATION) {
            return kbType == EntityMatch.EntityKind.LOCATION || kbType == EntityMatch.EntityKind.COUNTRY
                    || kbType == EntityMatch.EntityKind.CITY;
        }
        return modelType == kbType;
    }

    private static boolean allowed(Alias alias, int start, int bodyStart, Map<String, Integer> firstFullName,
                                   Map<String, Boolean> namedUnambiguously) {
        String id = alias.entity().id();
        if (alias.ambiguous() && !namedUnambiguously.containsKey(id)) {
            return false;
        }
        if (alias.kind() == Alias.Kind.SURNAME) {
            Integer fullName = firstFullName.get(id);
            boolean inTitle = start < bodyStart;
            return fullName != null && (fullName < start || inTitle);
        }
        return true;
    }

    /**
     * 0..1: a headline mention counts most, then a mention in the lead, then how often the entity recurs
     * (with diminishing returns, so a long list of mentions does not outweigh the headline).
     */
    static double salience(List<Span> spans, Document document) {
        int bodyStart = document.bodyStart();
        boolean inTitle = bodyStart > 0 && spans.get(0).start() < bodyStart;
        boolean inLead = false;
        for (Span span : spans) {
            if (span.start() >= bodyStart && span.start() < bodyStart + LEAD_CHARS) {
                inLead = true;
                break;
            }
        }
        double score = (inTitle ? 0.4 : 0) + (inLead ? 0.25 : 0) + 0.35 * (1 - Math.exp(-spans.size() / 3.0));
        return Math.round(Math.min(1.0, score) * 1000) / 1000.0;
    }
}
