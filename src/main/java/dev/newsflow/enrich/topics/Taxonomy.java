package dev.newsflow.enrich.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsflow.enrich.entities.EntityMatch.EntityKind;
import dev.newsflow.enrich.entities.Token;
import dev.newsflow.enrich.entities.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A versioned, validated and precompiled set of topic rules (see docs/TOPIC_RULES.md). Immutable and thread-safe:
 * one instance serves every {@link TopicClassifier}. {@link #parse} either returns a complete taxonomy or throws a
 * {@link TaxonomyException} naming the topic and field, so a hot-reload path can keep the previous version.
 */
public final class Taxonomy {

    /** Where a compiled term reports: which topic, which rule part, and with what weight. */
    enum Part { TERMS, ALL, NOT, NOT_DOCUMENT, NEAR_LEFT, NEAR_RIGHT }

    record Ref(int topic, Part part, int group, double weight, String term) {
        String partName() {
            return switch (part) {
                case TERMS -> "terms";
                case ALL -> "all[" + group + "]";
                case NOT -> "not";
                case NOT_DOCUMENT -> "not_document";
                case NEAR_LEFT -> "near[" + group + "].left";
                case NEAR_RIGHT -> "near[" + group + "].right";
            };
        }
    }

    record Near(double weight, int within) {
    }

    record EntityBoost(String id, EntityKind type, double weight, int cap) {
    }

    /** One compiled topic. */
    record TopicRule(String id, String label, String description, double threshold, double saturation,
                     double titleWeight, double leadWeight, int minSentences, int termCap, double listDamping,
                     int allGroups, List<Near> near, List<String> requireIds, List<EntityKind> requireTypes,
                     List<EntityBoost> boosts) {
    }

    private static final Pattern TOPIC_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> ROOT_FIELDS = Set.of("version", "defaults", "topics");
    private static final Set<String> DEFAULT_FIELDS = Set.of("threshold", "saturation", "title_weight",
            "lead_weight", "lead_chars", "min_sentences", "term_cap", "list_damping");
    private static final Set<String> TOPIC_FIELDS = Set.of("id", "label", "description", "threshold",
            "saturation", "title_weight", "lead_weight", "min_sentences", "term_cap", "list_damping", "terms", "any",
            "all", "not", "not_document", "near", "entities");
    private static final Set<String> TERM_FIELDS = Set.of("term", "terms", "weight", "case", "exact");
    private static final Set<String> NEAR_FIELDS = Set.of("left", "right", "weight", "within");
    private static final Set<String> ENTITY_FIELDS = Set.of("require", "boost");
    private static final Set<String> BOOST_FIELDS = Set.of("id", "type", "weight", "cap");

    private final String version;
    private final List<TopicRule> topics;
    private final Ref[] refs;
    private final Map<String, TermPattern[]> index;
    private final int leadChars;

    private Taxonomy(String version, List<TopicRule> topics, Ref[] refs, Map<String, TermPattern[]> index,
                     int leadChars) {
        this.version = version;
        this.topics = List.copyOf(topics);
        this.refs = refs;
        this.index = index;
        this.leadChars = leadChars;
    }

    /** The taxonomy shipped in the jar ({@code taxonomy/default.yaml}). */
    public static Taxonomy loadDefault() {
        try (InputStream in = Taxonomy.class.getResourceAsStream("/taxonomy/default.yaml")) {
            if (in == null) {
                throw new TaxonomyException("taxonomy/default.yaml is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TaxonomyException("cannot read taxonomy/default.yaml: " + e.getMessage(), e);
        }
    }

    /** Parses and compiles a taxonomy, or throws {@link TaxonomyException} naming the topic and field at fault. */
    public static Taxonomy parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new TaxonomyException("taxonomy is empty");
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new TaxonomyException("taxonomy is not valid YAML: " + (e instanceof com.fasterxml.jackson.core.JacksonException j ? j.getOriginalMessage() + " at line " + (j.getLocation() == null ? "?" : j.getLocation().getLineNr()) : e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new TaxonomyException("taxonomy must be a mapping with version and topics");
        }
        return new Compiler().compile(root);
    }

    public String version() {
        return version;
    }

    /** Topic ids in taxonomy order. */
    public List<String> topicIds() {
        return topics.stream().map(TopicRule::id).toList();
    }

    /** Knowledge-base ids that the rules require or boost, so an update naming an unknown entity can be refused. */
    public java.util.SortedSet<String> entityIds() {
        java.util.SortedSet<String> ids = new java.util.TreeSet<>();
        for (TopicRule topic : topics) {
            ids.addAll(topic.requireIds());
            topic.boosts().stream().map(EntityBoost::id).filter(java.util.Objects::nonNull).forEach(ids::add);
        }
        return ids;
    }

    /** Label of a topic, or null when the id is unknown. */
    public String label(String topicId) {
        return topics.stream().filter(t -> t.id().equals(topicId)).map(TopicRule::label).findFirst().orElse(null);
    }

    List<TopicRule> topics() {
        return topics;
    }

    Ref[] refs() {
        return refs;
    }

    Map<String, TermPattern[]> index() {
        return index;
    }

    int leadChars() {
        return leadChars;
    }

    // ------------------------------------------------------------------------------------------------ compiler

    private static final class Compiler {
        private final List<Ref> refs = new ArrayList<>();
        private final Map<String, List<TermPattern>> index = new HashMap<>();

        Taxonomy compile(JsonNode root) {
            checkFields(root, ROOT_FIELDS, "taxonomy");
            JsonNode versionNode = root.get("version");
            if (versionNode == null || !versionNode.isValueNode() || versionNode.asText().isBlank()) {
                throw new TaxonomyException("taxonomy: field 'version' is required (a non-empty string)");
            }
            String version = versionNode.asText().trim();
            JsonNode defaults = root.path("defaults");
            if (!defaults.isMissingNode() && !defaults.isObject()) {
                throw new TaxonomyException("taxonomy: field 'defaults' must be a mapping");
            }
            if (defaults.isObject()) {
                checkFields(defaults, DEFAULT_FIELDS, "taxonomy defaults");
            }
            int leadChars = (int) number(defaults, "lead_chars", 600, 0, 100_000, "defaults");
            JsonNode topicsNode = root.get("topics");
            if (topicsNode == null || !topicsNode.isArray() || topicsNode.isEmpty()) {
                throw new TaxonomyException("taxonomy: field 'topics' must be a non-empty list");
            }
            List<TopicRule> topics = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < topicsNode.size(); i++) {
                JsonNode t = topicsNode.get(i);
                String where = "topics[" + i + "]";
                if (!t.isObject()) {
                    throw new TaxonomyException(where + ": each topic must be a mapping");
                }
                JsonNode idNode = t.get("id");
                if (idNode == null || !idNode.isTextual() || !TOPIC_ID.matcher(idNode.asText()).matches()) {
                    throw new TaxonomyException(where + ": field 'id' is required: lower-case letters, digits and"
                            + " hyphens, e.g. ukraine-war");
                }
                String id = idNode.asText();
                if (!ids.add(id)) {
                    throw new TaxonomyException("topic '" + id + "': duplicate id");
                }
                topics.add(compileTopic(t, id, topics.size(), defaults));
            }
            Map<String, TermPattern[]> compiled = new HashMap<>(index.size() * 2);
            // Longest pattern first, so overlapping shorter terms of the same topic are not counted twice.
            index.forEach((k, v) -> {
                v.sort(java.util.Comparator.comparingInt((TermPattern p) -> -p.keys().length));
                compiled.put(k, v.toArray(TermPattern[]::new));
            });
            return new Taxonomy(version, topics, refs.toArray(Ref[]::new), compiled, leadChars);
        }

        private TopicRule compileTopic(JsonNode t, String id, int topicIndex, JsonNode defaults) {
            String where = "topic '" + id + "'";
            checkFields(t, TOPIC_FIELDS, where);
            String label = text(t, "label", where, true);
            String description = text(t, "description", where, false);
            double threshold = number(t, "threshold", number(defaults, "threshold", 0.5, 0.0001, 1, "defaults"),
                    0.0001, 1, where);
            double saturation = number(t, "saturation", number(defaults, "saturation", 4, 0.0001, 1000, "defaults"),
                    0.0001, 1000, where);
            double titleWeight = number(t, "title_weight",
                    number(defaults, "title_weight", 2, 0, 100, "defaults"), 0, 100, where);
            double leadWeight = number(t, "lead_weight",
                    number(defaults, "lead_weight", 1.5, 0, 100, "defaults"), 0, 100, where);
            int minSentences = (int) number(t, "min_sentences",
                    number(defaults, "min_sentences", 2, 1, 100, "defaults"), 1, 100, where);
            int termCap = (int) number(t, "term_cap", number(defaults, "term_cap", 3, 1, 1000, "defaults"),
                    1, 1000, where);
            double listDamping = number(t, "list_damping",
                    number(defaults, "list_damping", 1, 0, 1, "defaults"), 0, 1, where);

            int positive = 0;
            if (t.has("terms") && t.has("any")) {
                throw new TaxonomyException(where + ": use either 'terms' or 'any', not both");
            }
            String anyField = t.has("any") ? "any" : "terms";
            if (t.has(anyField)) {
                positive += terms(t.get(anyField), topicIndex, Part.TERMS, 0, 1.0, where + " field '" + anyField + "'");
            }
            int allGroups = 0;
            if (t.has("all")) {
                JsonNode all = t.get("all");
                if (!all.isArray() || all.isEmpty()) {
                    throw new TaxonomyException(where + " field 'all': must be a non-empty list of term lists");
                }
                for (int g = 0; g < all.size(); g++) {
                    // Plain strings in an ALL group are conditions only (weight 0); {term, weight} items also score.
                    terms(all.get(g), topicIndex, Part.ALL, g, 0.0,
                            where + " field 'all[" + g + "]'");
                }
                allGroups = all.size();
            }
            if (t.has("not")) {
                terms(t.get("not"), topicIndex, Part.NOT, 0, 0.0, where + " field 'not'");
            }
            if (t.has("not_document")) {
                terms(t.get("not_document"), topicIndex, Part.NOT_DOCUMENT, 0, 0.0, where + " field 'not_document'");
            }
            List<Near> near = new ArrayList<>();
            if (t.has("near")) {
                JsonNode nearNode = t.get("near");
                if (!nearNode.isArray()) {
                    throw new TaxonomyException(where + " field 'near': must be a list of {left, right, weight}");
                }
                for (int n = 0; n < nearNode.size(); n++) {
                    JsonNode rule = nearNode.get(n);
                    String nw = where + " field 'near[" + n + "]'";
                    if (!rule.isObject()) {
                        throw new TaxonomyException(nw + ": must be a mapping with left, right and weight");
                    }
                    checkFields(rule, NEAR_FIELDS, nw);
                    if (!rule.has("left") || !rule.has("right")) {
                        throw new TaxonomyException(nw + ": both 'left' and 'right' term lists are required");
                    }
                    double weight = number(rule, "weight", 1, 0.0001, 100, nw);
                    int within = (int) number(rule, "within", 0, 0, 1000, nw);
                    terms(rule.get("left"), topicIndex, Part.NEAR_LEFT, n, weight, nw + ".left");
                    terms(rule.get("right"), topicIndex, Part.NEAR_RIGHT, n, weight, nw + ".right");
                    near.add(new Near(weight, within));
                    positive++;
                }
            }
            List<String> requireIds = new ArrayList<>();
            List<EntityKind> requireTypes = new ArrayList<>();
            List<EntityBoost> boosts = new ArrayList<>();
            if (t.has("entities")) {
                JsonNode e = t.get("entities");
                String ew = where + " field 'entities'";
                if (!e.isObject()) {
                    throw new TaxonomyException(ew + ": must be a mapping with require and/or boost");
                }
                checkFields(e, ENTITY_FIELDS, ew);
                if (e.has("require")) {
                    JsonNode req = e.get("require");
                    if (!req.isArray() || req.isEmpty()) {
                        throw new TaxonomyException(ew + ".require: must be a non-empty list of entity ids or types");
                    }
                    for (JsonNode r : req) {
                        String s = r.asText("").trim();
                        if (s.contains(":")) {
                            requireIds.add(s);
                        } else {
                            requireTypes.add(kind(s, ew + ".require"));
                        }
                    }
                }
                if (e.has("boost")) {
                    JsonNode bs = e.get("boost");
                    if (!bs.isArray()) {
                        throw new TaxonomyException(ew + ".boost: must be a list of {id or type, weight, cap}");
                    }
                    for (int b = 0; b < bs.size(); b++) {
                        JsonNode bn = bs.get(b);
                        String bw = ew + ".boost[" + b + "]";
                        if (!bn.isObject()) {
                            throw new TaxonomyException(bw + ": must be a mapping {id or type, weight, cap}");
                        }
                        checkFields(bn, BOOST_FIELDS, bw);
                        String bid = bn.has("id") ? bn.get("id").asText("").trim() : null;
                        EntityKind btype = bn.has("type") ? kind(bn.get("type").asText(""), bw + ".type") : null;
                        if ((bid == null) == (btype == null) || (bid != null && !bid.contains(":"))) {
                            throw new TaxonomyException(bw + ": give exactly one of 'id' (e.g. country:sy) or 'type'");
                        }
                        boosts.add(new EntityBoost(bid, btype, number(bn, "weight", 0.5, 0.0001, 100, bw),
                                (int) number(bn, "cap", 2, 1, 1000, bw)));
                        positive++;
                    }
                }
            }
            if (positive == 0) {
                throw new TaxonomyException(where + ": needs at least one positive rule part (terms, all, near or"
                        + " entities.boost)");
            }
            return new TopicRule(id, label, description, threshold, saturation, titleWeight, leadWeight,
                    minSentences, termCap, listDamping, allGroups, List.copyOf(near), List.copyOf(requireIds),
                    List.copyOf(requireTypes), List.copyOf(boosts));
        }

        /** Compiles a term list; returns how many terms it held. */
        private int terms(JsonNode list, int topic, Part part, int group, double defaultWeight, String where) {
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new TaxonomyException(where + ": must be a non-empty list of terms");
            }
            int count = 0;
            for (int i = 0; i < list.size(); i++) {
                JsonNode entry = list.get(i);
                String ew = where + " item " + (i + 1);
                if (entry.isArray()) {
                    count += terms(entry, topic, part, group, defaultWeight, ew);
                } else if (entry.isTextual()) {
                    addTerm(entry.asText(), defaultWeight, false, false, topic, part, group, ew);
                    count++;
                } else if (entry.isObject()) {
                    checkFields(entry, TERM_FIELDS, ew);
                    double weight = part == Part.NOT || part == Part.NOT_DOCUMENT ? 0
                            : number(entry, "weight", defaultWeight, part == Part.ALL ? 0 : 0.0001, 100, ew);
                    if ((part == Part.NEAR_LEFT || part == Part.NEAR_RIGHT) && entry.has("weight")) {
                        throw new TaxonomyException(ew + ": 'weight' belongs to the near rule, not to its terms");
                    }
                    boolean caseSensitive = false;
                    if (entry.has("case")) {
                        String c = entry.get("case").asText("");
                        if (!c.equals("sensitive") && !c.equals("insensitive")) {
                            throw new TaxonomyException(ew + ": field 'case' must be 'sensitive' or 'insensitive'");
                        }
                        caseSensitive = c.equals("sensitive");
                    }
                    boolean exact = false;
                    if (entry.has("exact")) {
                        if (!entry.get("exact").isBoolean()) {
                            throw new TaxonomyException(ew + ": field 'exact' must be true or false");
                        }
                        exact = entry.get("exact").asBoolean();
                    }
                    if (entry.has("term") == entry.has("terms")) {
                        throw new TaxonomyException(ew + ": give exactly one of 'term' or 'terms'");
                    }
                    if (entry.has("term")) {
                        if (!entry.get("term").isTextual()) {
                            throw new TaxonomyException(ew + ": field 'term' must be a string");
                        }
                        addTerm(entry.get("term").asText(), weight, caseSensitive, exact, topic, part, group, ew);
                        count++;
                    } else {
                        JsonNode ts = entry.get("terms");
                        if (!ts.isArray() || ts.isEmpty()) {
                            throw new TaxonomyException(ew + ": field 'terms' must be a non-empty list of strings");
                        }
                        for (JsonNode term : ts) {
                            if (!term.isTextual()) {
                                throw new TaxonomyException(ew + ": field 'terms' must hold strings only");
                            }
                            addTerm(term.asText(), weight, caseSensitive, exact, topic, part, group, ew);
                            count++;
                        }
                    }
                } else {
                    throw new TaxonomyException(ew + ": a term must be a string or a mapping {term, weight, ...}");
                }
            }
            return count;
        }

        private void addTerm(String term, double weight, boolean caseSensitive, boolean exact, int topic, Part part,
                             int group, String where) {
            String trimmed = term == null ? "" : term.trim();
            List<Token> tokens = new ArrayList<>();
            for (Token token : Tokenizer.tokenize(trimmed)) {
                if (!token.key().equals("-")) {
                    tokens.add(token);
                }
            }
            if (tokens.isEmpty()) {
                throw new TaxonomyException(where + ": empty term '" + term + "'");
            }
            if (tokens.size() > 12) {
                throw new TaxonomyException(where + ": term '" + term + "' is longer than 12 tokens");
            }
            int ref = refs.size();
            refs.add(new Ref(topic, part, group, weight, trimmed));
            String[] keys = new String[tokens.size()];
            String[] surfaces = caseSensitive ? new String[tokens.size()] : null;
            for (int i = 0; i < keys.length; i++) {
                keys[i] = tokens.get(i).key();
                if (surfaces != null) {
                    surfaces[i] = trimmed.substring(tokens.get(i).start(), tokens.get(i).end());
                }
            }
            // Proper names (written with a capital, e.g. Hama, Iran) and exact terms are not inflected.
            boolean properName = Character.isUpperCase(trimmed.charAt(tokens.get(tokens.size() - 1).start()));
            Set<String> lastForms = exact || caseSensitive || properName ? Set.of(keys[keys.length - 1])
                    : inflections(keys[keys.length - 1]);
            for (String form : lastForms) {
                String[] k = keys.clone();
                k[k.length - 1] = form;
                index.computeIfAbsent(k[0], x -> new ArrayList<>())
                        .add(new TermPattern(trimmed, k, caseSensitive, surfaces, ref));
            }
        }
    }

    /** Regular English inflections of a word: plural, past, participles, -ing; the word itself first. */
    static Set<String> inflections(String w) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(w);
        if (w.length() < 3 || !w.chars().allMatch(Character::isLetter)) {
            return forms;
        }
        char last = w.charAt(w.length() - 1);
        char before = w.charAt(w.length() - 2);
        boolean vowelBefore = "aeiou".indexOf(before) >= 0;
        if (last == 'y' && !vowelBefore) {
            String stem = w.substring(0, w.length() - 1);
            forms.add(stem + "ies");
            forms.add(stem + "ied");
            forms.add(w + "ing");
        } else if (last == 'e') {
            forms.add(w + "s");
            forms.add(w + "d");
            forms.add(w.substring(0, w.length() - 1) + "ing");
        } else if (last == 's' || last == 'x' || last == 'z' || w.endsWith("ch") || w.endsWith("sh")
                || (last == 'o' && !vowelBefore)) {
            forms.add(w + "es");
            forms.add(w + "ed");
            forms.add(w + "ing");
            if (last == 'o') {
                forms.add(w + "s");
            }
        } else {
            forms.add(w + "s");
            forms.add(w + "ed");
            forms.add(w + "ing");
            // Short consonant-vowel-consonant words double the consonant: ban -> banned, banning.
            if (w.length() <= 4 && vowelBefore && "wxy".indexOf(last) < 0 && "aeiou".indexOf(last) < 0
                    && "aeiou".indexOf(w.charAt(w.length() - 3)) < 0) {
                forms.add(w + last + "ed");
                forms.add(w + last + "ing");
            }
        }
        return forms;
    }

    private static EntityKind kind(String s, String where) {
        try {
            return EntityKind.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TaxonomyException(where + ": '" + s + "' is neither an entity id (type:name) nor one of "
                    + java.util.Arrays.toString(EntityKind.values()));
        }
    }

    private static void checkFields(JsonNode node, Set<String> allowed, String where) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new TaxonomyException(where + ": unknown field '" + name + "' (allowed: "
                        + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    private static String text(JsonNode node, String field, String where, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new TaxonomyException(where + ": field '" + field + "' is required");
            }
            return "";
        }
        if (!v.isTextual() || (required && v.asText().isBlank())) {
            throw new TaxonomyException(where + ": field '" + field + "' must be a non-empty string");
        }
        return v.asText().trim();
    }

    private static double number(JsonNode node, String field, double fallback, double min, double max, String where) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < min || v.asDouble() > max) {
            throw new TaxonomyException(where + ": field '" + field + "' must be a number in [" + min + ", " + max
                    + "], got '" + v.asText() + "'");
        }
        return v.asDouble();
    }
}
