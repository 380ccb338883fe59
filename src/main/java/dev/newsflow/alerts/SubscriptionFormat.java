package dev.newsflow.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON format of subscriptions (docs/CONTRACTS.md). Strict on purpose: an unknown field is refused rather than
 * ignored, since a misspelt condition ("topic" for "topics") would otherwise widen a subscription silently.
 */
public final class SubscriptionFormat {

    public static final Duration DEFAULT_SUPPRESS_FOR = Duration.ofHours(24);
    /** Longer than any story window is pointless: the story id itself is only stable that long. */
    public static final Duration MAX_SUPPRESS_FOR = Duration.ofDays(30);
    public static final int MAX_MIN_SOURCES = 50;
    private static final int MAX_ID_CHARS = 200;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/-]*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Set<String> FIELDS = Set.of("id", "owner", "severity", "topics", "entities", "sources",
            "languages", "minSources", "suppressFor", "description");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SubscriptionFormat() {
    }

    /** Parses and checks one subscription; throws {@link InvalidSubscriptionException} naming the field at fault. */
    public static Subscription parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidSubscriptionException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSubscriptionException("a subscription is a JSON object");
        }
        unknownFields(root, FIELDS, "");
        String id = id(root);
        String prefix = "subscription '" + id + "': ";
        try {
            return build(root, id);
        } catch (InvalidSubscriptionException e) {
            throw new InvalidSubscriptionException(prefix + e.getMessage(), e);
        }
    }

    private static Subscription build(JsonNode root, String id) {
        String owner = text(root, "owner");
        if (owner == null || owner.isBlank()) {
            throw new InvalidSubscriptionException("'owner' is required: who receives the alerts");
        }
        Subscription.TopicCondition topics = topics(root.get("topics"));
        Subscription.Ids entities = ids(root.get("entities"), "entities");
        if (topics.ids().isEmpty() && entities.isEmpty()) {
            throw new InvalidSubscriptionException("give at least one topic or entity id in 'topics' or 'entities'; "
                    + "a subscription to every article would alert on everything");
        }
        return new Subscription(id, owner.strip(), severity(root), topics, entities, sources(root.get("sources")),
                languages(root), minSources(root), suppressFor(root));
    }

    private static String id(JsonNode root) {
        String id = text(root, "id");
        if (id == null || id.isBlank()) {
            throw new InvalidSubscriptionException("'id' is required");
        }
        if (id.length() > MAX_ID_CHARS || !ID.matcher(id).matches()) {
            throw new InvalidSubscriptionException("'id' must be 1 to " + MAX_ID_CHARS + " letters, digits or ._:@/- "
                    + "starting with a letter or digit, got '" + abbreviate(id) + "'");
        }
        return id;
    }

    private static Severity severity(JsonNode root) {
        String value = text(root, "severity");
        if (value == null) {
            return Severity.WARNING;
        }
        try {
            return Severity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException("'severity' must be INFO, WARNING or CRITICAL, got '"
                    + abbreviate(value) + "'");
        }
    }

    private static Subscription.TopicCondition topics(JsonNode node) {
        if (node == null || node.isNull()) {
            return new Subscription.TopicCondition(Subscription.Ids.NONE, 0);
        }
        requireObject(node, "topics");
        unknownFields(node, Set.of("any", "all", "minScore"), "topics.");
        double minScore = 0;
        JsonNode score = node.get("minScore");
        if (score != null && !score.isNull()) {
            if (!score.isNumber() || score.asDouble() < 0 || score.asDouble() > 1) {
                throw new InvalidSubscriptionException("'topics.minScore' must be a number from 0 to 1, got " + score);
            }
            minScore = score.asDouble();
        }
        return new Subscription.TopicCondition(new Subscription.Ids(strings(node, "any", "topics."),
                strings(node, "all", "topics.")), minScore);
    }

    private static Subscription.Ids ids(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return Subscription.Ids.NONE;
        }
        requireObject(node, field);
        unknownFields(node, Set.of("any", "all"), field + ".");
        return new Subscription.Ids(strings(node, "any", field + "."), strings(node, "all", field + "."));
    }

    private static Subscription.SourceCondition sources(JsonNode node) {
        if (node == null || node.isNull()) {
            return new Subscription.SourceCondition(Set.of(), Set.of());
        }
        requireObject(node, "sources");
        unknownFields(node, Set.of("include", "exclude"), "sources.");
        return new Subscription.SourceCondition(lowerCased(strings(node, "include", "sources.")),
                lowerCased(strings(node, "exclude", "sources.")));
    }

    private static Set<String> languages(JsonNode root) {
        Set<String> languages = lowerCased(strings(root, "languages", ""));
        for (String code : languages) {
            if (!LANGUAGE.matcher(code).matches()) {
                throw new InvalidSubscriptionException("'languages' takes ISO 639-1 codes such as \"en\", got '"
                        + abbreviate(code) + "'");
            }
        }
        return languages;
    }

    private static int minSources(JsonNode root) {
        JsonNode node = root.get("minSources");
        if (node == null || node.isNull()) {
            return 1;
        }
        if (!node.isInt() || node.asInt() < 1 || node.asInt() > MAX_MIN_SOURCES) {
            throw new InvalidSubscriptionException("'minSources' must be a whole number from 1 to " + MAX_MIN_SOURCES
                    + ", got " + node);
        }
        return node.asInt();
    }

    private static Duration suppressFor(JsonNode root) {
        String value = text(root, "suppressFor");
        if (value == null) {
            return DEFAULT_SUPPRESS_FOR;
        }
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidSubscriptionException("'suppressFor' must be an ISO-8601 duration such as PT24H, got '"
                    + abbreviate(value) + "'");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_SUPPRESS_FOR) > 0) {
            throw new InvalidSubscriptionException("'suppressFor' must be positive and at most " + MAX_SUPPRESS_FOR
                    + ", got " + value);
        }
        return duration;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidSubscriptionException("'" + field + "' must be a string, got " + value.getNodeType());
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidSubscriptionException("'" + path + field + "' must be a list of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new InvalidSubscriptionException("'" + path + field + "' must hold non-empty strings, got " + item);
            }
            strings.add(item.asText().strip());
        }
        return List.copyOf(new LinkedHashSet<>(strings));
    }

    private static Set<String> lowerCased(List<String> values) {
        Set<String> lower = new LinkedHashSet<>();
        values.forEach(v -> lower.add(v.toLowerCase(Locale.ROOT)));
        return lower;
    }

    private static void requireObject(JsonNode node, String field) {
        if (!node.isObject()) {
            throw new InvalidSubscriptionException("'" + field + "' must be an object");
        }
    }

    private static void unknownFields(JsonNode node, Set<String> known, String path) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidSubscriptionException("unknown field '" + path + abbreviate(name) + "' (known: "
                        + known.stream().sorted().toList() + ")");
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
