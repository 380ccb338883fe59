package dev.newsflow.enrich.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.entities.EntityMatch.EntityKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The entities newsflow links to and every alias of each: countries (with demonyms), cities, regions and
 * curated people and organisations, from {@code src/main/resources/kb/} (see tools/kb/README.md), plus a
 * user file whose entries replace built-in ones with the same id.
 */
public final class KnowledgeBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCE_DIR = "/kb/";
    private static final long CURATED_RANK = 3_000_000_000L;
    private static final long COUNTRY_RANK = 2_000_000_000L;
    private static final long REGION_RANK = 1_000_000_000L;

    private final String version;
    private final Map<String, Entry> entries;

    private KnowledgeBase(String version, Map<String, Entry> entries) {
        this.version = version;
        this.entries = entries;
    }

    /** An entity with its aliases. */
    public record Entry(KbEntity entity, List<Alias> aliases) {
    }

    /** The knowledge base shipped in the jar. */
    public static KnowledgeBase loadDefault() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        readJsonLines(resource("countries.jsonl"), entries);
        readJsonLines(resource("regions.jsonl"), entries);
        readCities(resource("cities.tsv"), entries);
        Reader curated = optionalResource("entities.jsonl");
        if (curated != null) {
            readJsonLines(curated, entries);
        }
        return new KnowledgeBase(readVersion(), entries);
    }

    /** A knowledge base of JSON lines in the entities format, for tests and small custom setups. */
    public static KnowledgeBase of(String version, String jsonLines) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        readJsonLines(new java.io.StringReader(jsonLines), entries);
        return new KnowledgeBase(version, entries);
    }

    /**
     * This knowledge base with a user's file applied: JSON lines in the entities format; an entry replaces the
     * built-in one with the same id, and {@code {"id": ..., "deleted": true}} removes one.
     */
    public KnowledgeBase withOverrides(Path file) {
        Map<String, Entry> merged = new LinkedHashMap<>(entries);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            readJsonLines(reader, merged);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge-base overrides " + file, e);
        }
        return new KnowledgeBase(version + "+" + file.getFileName(), merged);
    }

    /** One user change: an entry that adds or replaces the entity with its id, or (entry null) its removal. */
    public record Change(String id, Entry entry) {

        public boolean isRemoval() {
            return entry == null;
        }
    }

    /**
     * Parses one change in the overrides format (an entities-format JSON object, or {@code {"id": ..., "deleted":
     * true}}), or throws {@link IllegalArgumentException} saying what is wrong, so bad input can be rejected whole.
     */
    public static Change parseChange(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a knowledge-base entry must be a JSON object");
        }
        String id = text(node, "id");
        if (id == null) {
            throw new IllegalArgumentException("field 'id' is missing");
        }
        if (node.path("deleted").asBoolean(false)) {
            return new Change(id, null);
        }
        if (text(node, "name") == null) {
            throw new IllegalArgumentException("entry '" + id + "': field 'name' is missing");
        }
        String type = node.path("type").asText("");
        try {
            EntityKind.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("entry '" + id + "': field 'type' is '" + type + "', not one of "
                    + java.util.Arrays.toString(EntityKind.values()), e);
        }
        String country = text(node, "countryCode");
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("entry '" + id + "': countryCode '" + country
                    + "' is not an ISO 3166-1 alpha-2 code");
        }
        for (String list : List.of("aliases", "surnames", "demonyms")) {
            if (node.has(list) && !node.get(list).isArray()) {
                throw new IllegalArgumentException("entry '" + id + "': field '" + list + "' must be a list");
            }
        }
        return new Change(id, fromJson(node));
    }

    /** This knowledge base with {@code changes} applied in order, versioned {@code version+versionSuffix}. */
    public KnowledgeBase withChanges(Iterable<Change> changes, String versionSuffix) {
        Map<String, Entry> merged = new LinkedHashMap<>(entries);
        for (Change change : changes) {
            if (change.isRemoval()) {
                merged.remove(change.id());
            } else {
                merged.put(change.id(), change.entry());
            }
        }
        return new KnowledgeBase(version + "+" + versionSuffix, merged);
    }

    /** Version of the data, stamped on every enriched record. */
    public String version() {
        return version;
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public Entry get(String id) {
        return entries.get(id);
    }

    private static void readJsonLines(Reader source, Map<String, Entry> entries) {
        try (BufferedReader reader = new BufferedReader(source)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    throw new IllegalArgumentException("knowledge base line " + number + " is not JSON: " + e.getMessage(), e);
                }
                String id = node.path("id").asText("");
                if (id.isEmpty()) {
                    throw new IllegalArgumentException("knowledge base line " + number + " has no id");
                }
                if (node.path("deleted").asBoolean(false)) {
                    entries.remove(id);
                    continue;
                }
                entries.put(id, fromJson(node));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Entry fromJson(JsonNode node) {
        EntityKind type = EntityKind.valueOf(node.path("type").asText("OTHER").toUpperCase(Locale.ROOT));
        long rank = switch (type) {
            case PERSON, ORGANIZATION -> CURATED_RANK;
            case COUNTRY -> COUNTRY_RANK;
            default -> REGION_RANK;
        };
        KbEntity entity = new KbEntity(node.get("id").asText(), node.path("name").asText(), type,
                text(node, "countryCode"), text(node, "wikidataId"), rank);
        List<Alias> aliases = new ArrayList<>();
        addAliases(entity, node.path("aliases"), Alias.Kind.NAME, aliases);
        addAliases(entity, node.path("surnames"), Alias.Kind.SURNAME, aliases);
        addAliases(entity, node.path("demonyms"), Alias.Kind.DEMONYM, aliases);
        if (aliases.stream().noneMatch(a -> a.kind() == Alias.Kind.NAME)) {
            aliases.add(alias(entity, entity.name(), Alias.Kind.NAME, false, false));
        }
        return new Entry(entity, aliases);
    }

    private static void addAliases(KbEntity entity, JsonNode list, Alias.Kind kind, List<Alias> out) {
        for (JsonNode item : list) {
            String text = item.isTextual() ? item.asText() : item.path("text").asText("");
            if (!text.isBlank()) {
                out.add(alias(entity, text.strip(), kind, item.path("caseSensitive").asBoolean(false),
                        item.path("ambiguous").asBoolean(false)));
            }
        }
    }

    /** Short all-capital acronyms (US, UN, EU, IS) are case-sensitive whatever the data says. */
    static Alias alias(KbEntity entity, String text, Alias.Kind kind, boolean caseSensitive, boolean ambiguous) {
        long letters = text.chars().filter(Character::isLetter).count();
        boolean shortAcronym = letters <= 3 && text.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
        List<Token> tokens = Tokenizer.tokenize(text);
        String[] keys = new String[tokens.size()];
        boolean[] capitals = new boolean[tokens.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = tokens.get(i).key();
            capitals[i] = Character.isUpperCase(text.charAt(tokens.get(i).start()));
        }
        return new Alias(entity, text, keys, capitals, kind, caseSensitive || shortAcronym, ambiguous);
    }

    private static void readCities(Reader source, Map<String, Entry> entries) {
        try (BufferedReader reader = new BufferedReader(source)) {
            String line;
            Map<String, Integer> column = null;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (column == null) {
                    column = new LinkedHashMap<>();
                    for (int i = 0; i < cells.length; i++) {
                        column.put(cells[i], i);
                    }
                    continue;
                }
                String id = cells[column.get("id")];
                String name = cells[column.get("name")];
                long population = Long.parseLong(cells[column.get("population")]);
                KbEntity entity = new KbEntity(id, name, EntityKind.CITY, emptyToNull(cells[column.get("countryCode")]),
                        null, population);
                boolean ambiguousCity = "1".equals(cells[column.get("ambiguous")]);
                List<String> ambiguousAliases = List.of(cells[column.get("ambiguousAliases")].split("\\|"));
                List<Alias> aliases = new ArrayList<>();
                aliases.add(alias(entity, name, Alias.Kind.NAME, false, ambiguousCity || ambiguousAliases.contains(name)));
                for (String text : cells[column.get("aliases")].split("\\|")) {
                    if (!text.isBlank() && !text.equals(name)) {
                        aliases.add(alias(entity, text, Alias.Kind.NAME, false,
                                ambiguousCity || ambiguousAliases.contains(text)));
                    }
                }
                entries.put(id, new Entry(entity, aliases));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readVersion() {
        Reader reader = optionalResource("VERSION");
        if (reader == null) {
            return "unversioned";
        }
        try (BufferedReader in = new BufferedReader(reader)) {
            return in.readLine().strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader resource(String name) {
        Reader reader = optionalResource(name);
        if (reader == null) {
            throw new IllegalStateException("knowledge base file missing from the classpath: " + RESOURCE_DIR + name);
        }
        return reader;
    }

    private static Reader optionalResource(String name) {
        InputStream in = KnowledgeBase.class.getResourceAsStream(RESOURCE_DIR + name);
        return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
