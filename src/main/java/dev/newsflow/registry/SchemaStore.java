package dev.newsflow.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The embedded registry's state and rules: global ids, subjects' version lists, compatibility levels.
 *
 * <p>Errors are {@link SchemaRegistryException}s carrying the HTTP status and Confluent error code the
 * server answers with. All methods are synchronized: registrations are rare and must be serial anyway.
 */
final class SchemaStore {

    /** A registered schema: its canonical text is its identity, as in Confluent. */
    private record Stored(int id, String text, Schema schema) {
    }

    private final Map<Integer, Stored> byId = new HashMap<>();
    private final Map<String, Integer> idsByText = new HashMap<>();
    private final Map<String, List<Integer>> subjects = new LinkedHashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int nextId = 1;
    private final SchemaJournal journal;

    /** journal may be null for an in-memory store; otherwise its entries are replayed now. */
    SchemaStore(SchemaJournal journal) {
        this.journal = journal;
        if (journal != null) {
            journal.load().forEach(this::apply);
        }
    }

    synchronized int register(String subject, String schemaText) {
        Stored candidate = parse(schemaText);
        List<Integer> versions = subjects.getOrDefault(subject, List.of());
        Integer known = idsByText.get(candidate.text());
        if (known != null && versions.contains(known)) {
            return known;
        }
        List<String> problems = CompatibilityRules.problems(level(subject), candidate.schema(), schemasOf(versions));
        if (!problems.isEmpty()) {
            throw error(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA, "Schema being registered is incompatible "
                    + "with an earlier schema for subject \"" + subject + "\", details: " + problems);
        }
        int id = known != null ? known : nextId;
        if (known == null) {
            record(entry("schema").put("id", id).put("schema", candidate.text()));
        }
        record(entry("version").put("subject", subject).put("version", versions.size() + 1).put("id", id));
        return id;
    }

    synchronized RegisteredSchema lookup(String subject, String schemaText) {
        Stored candidate = parse(schemaText);
        List<Integer> versions = requireSubject(subject);
        Integer id = idsByText.get(candidate.text());
        int index = id == null ? -1 : versions.indexOf(id);
        if (index < 0) {
            throw error(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
        }
        return registered(subject, index + 1, id);
    }

    synchronized String schemaText(int id) {
        Stored stored = byId.get(id);
        if (stored == null) {
            throw error(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return stored.text();
    }

    /** version is a positive number or "latest". */
    synchronized RegisteredSchema version(String subject, String version) {
        List<Integer> versions = requireSubject(subject);
        int number = versionNumber(version, versions.size());
        if (number < 1 || number > versions.size()) {
            throw error(404, SchemaRegistryException.VERSION_NOT_FOUND, "Version " + version + " not found.");
        }
        return registered(subject, number, versions.get(number - 1));
    }

    synchronized List<Integer> versions(String subject) {
        int count = requireSubject(subject).size();
        List<Integer> out = new ArrayList<>(count);
        for (int v = 1; v <= count; v++) {
            out.add(v);
        }
        return out;
    }

    synchronized List<String> subjects() {
        return new ArrayList<>(subjects.keySet());
    }

    /**
     * Problems registering the schema after the given version ("latest" or a number) would raise; a
     * subject without versions accepts anything, as in Confluent.
     */
    synchronized List<String> checkAgainst(String subject, String version, String schemaText) {
        Stored candidate = parse(schemaText);
        List<Integer> versions = subjects.get(subject);
        if (versions == null && "latest".equals(version)) {
            return List.of();
        }
        RegisteredSchema against = version(subject, version);
        return CompatibilityRules.problems(level(subject), candidate.schema(), List.of(against.schema()));
    }

    /** subject null means the global level. */
    synchronized void setLevel(String subject, CompatibilityLevel level) {
        ObjectNode entry = entry("config").put("level", level.name());
        if (subject != null) {
            entry.put("subject", subject);
        }
        record(entry);
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    /** The subject's own level, or null when it has none (then the global level applies). */
    synchronized CompatibilityLevel subjectLevel(String subject) {
        return subjectLevels.get(subject);
    }

    private CompatibilityLevel level(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    /** Journals first, then applies: the change is only visible once it is durable. */
    private void record(ObjectNode entry) {
        if (journal != null) {
            journal.append(entry);
        }
        apply(entry);
    }

    private void apply(JsonNode entry) {
        switch (entry.path("type").asText()) {
            case "schema" -> {
                Stored stored = parse(entry.path("schema").asText());
                int id = entry.path("id").asInt();
                byId.put(id, new Stored(id, stored.text(), stored.schema()));
                idsByText.putIfAbsent(stored.text(), id);
                nextId = Math.max(nextId, id + 1);
            }
            case "version" -> subjects.computeIfAbsent(entry.path("subject").asText(), s -> new ArrayList<>())
                    .add(entry.path("id").asInt());
            case "config" -> {
                CompatibilityLevel level = CompatibilityLevel.parse(entry.path("level").asText());
                if (entry.hasNonNull("subject")) {
                    subjectLevels.put(entry.path("subject").asText(), level);
                } else {
                    globalLevel = level;
                }
            }
            default -> throw new IllegalStateException("unknown journal entry " + entry);
        }
    }

    private static ObjectNode entry(String type) {
        return RegistryJson.object().put("type", type);
    }

    private RegisteredSchema registered(String subject, int version, int id) {
        return new RegisteredSchema(subject, id, version, byId.get(id).schema());
    }

    private List<Integer> requireSubject(String subject) {
        List<Integer> versions = subjects.get(subject);
        if (versions == null) {
            throw error(404, SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    private List<Schema> schemasOf(List<Integer> ids) {
        List<Schema> out = new ArrayList<>(ids.size());
        ids.forEach(id -> out.add(byId.get(id).schema()));
        return out;
    }

    private static int versionNumber(String version, int latest) {
        if ("latest".equals(version) || "-1".equals(version)) {
            return latest;
        }
        try {
            int number = Integer.parseInt(version);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(422, SchemaRegistryException.INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    private static Stored parse(String text) {
        if (text == null || text.isBlank()) {
            throw error(422, SchemaRegistryException.INVALID_SCHEMA, "Empty schema");
        }
        try {
            Schema schema = RegistryJson.parseStrict(text);
            return new Stored(0, schema.toString(), schema);
        } catch (RuntimeException e) {
            throw error(422, SchemaRegistryException.INVALID_SCHEMA, "Invalid schema: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    static SchemaRegistryException error(int status, int code, String message) {
        return new SchemaRegistryException(status, code, message, "");
    }
}
