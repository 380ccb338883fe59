package dev.newsflow.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * {@link SchemaRegistryClient} over the Confluent REST API (Confluent, Karapace, Redpanda, Apicurio's
 * {@code /apis/ccompat/v7}), caching what never changes: id to schema and (subject, schema) to id.
 *
 * <p>Thread-safe; share one instance between serdes so that they share the caches.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private record SubjectSchema(String subject, Schema schema) {
    }

    private final RegistryHttp http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, RegisteredSchema> lookups = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(RegistryClientConfig config) {
        this.http = new RegistryHttp(config);
    }

    /** A client for comma-separated base URLs, with the other settings at their defaults. */
    public static RestSchemaRegistryClient forUrl(String urls) {
        return new RestSchemaRegistryClient(RegistryClientConfig.of(urls));
    }

    /** A client from Confluent-named keys ({@code schema.registry.url}, basic auth, trust store). */
    public static RestSchemaRegistryClient fromConfig(Map<String, ?> config) {
        return new RestSchemaRegistryClient(RegistryClientConfig.fromConfig(config));
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = http.send("POST", subjectPath(subject) + "/versions", schemaBody(schema));
        int id = requireInt(answer, "id", "register under " + subject);
        remember(key, id);
        return id;
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        RegisteredSchema cached = lookups.get(key);
        if (cached != null) {
            return cached;
        }
        RegisteredSchema found = registered(http.send("POST", subjectPath(subject), schemaBody(schema)), subject);
        lookups.putIfAbsent(key, found);
        remember(key, found.id());
        return found;
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = http.send("GET", "/schemas/ids/" + id, null);
        Schema schema = parse(answer, "schema id " + id);
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous == null ? schema : previous;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return registered(http.send("GET", subjectPath(subject) + "/versions/latest", null), subject);
    }

    @Override
    public RegisteredSchema version(String subject, int version) {
        return registered(http.send("GET", subjectPath(subject) + "/versions/" + version, null), subject);
    }

    @Override
    public List<Integer> versions(String subject) {
        List<Integer> out = new ArrayList<>();
        http.send("GET", subjectPath(subject) + "/versions", null).forEach(n -> out.add(n.asInt()));
        return out;
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        try {
            JsonNode answer = http.send("POST", "/compatibility" + subjectPath(subject) + "/versions/latest",
                    schemaBody(schema));
            return answer.path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            // Confluent answers is_compatible=true for a subject with no versions (anything may be its first);
            // Apicurio 2.6 answers 404 with 40402 "no version 'latest'" instead. Read both as "compatible".
            if (e.httpStatus() == 404 && (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND)) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        ObjectNode body = RegistryJson.object().put("compatibility", level.name());
        http.send("PUT", subject == null ? "/config" : "/config/" + RegistryJson.segment(subject), body);
    }

    @Override
    public CompatibilityLevel globalCompatibility() {
        JsonNode answer = http.send("GET", "/config", null);
        // GET answers "compatibilityLevel" while PUT uses "compatibility"; accept either in case a registry mixes them.
        String level = answer.path("compatibilityLevel").asText(answer.path("compatibility").asText(""));
        return CompatibilityLevel.parse(level);
    }

    @Override
    public List<String> subjects() {
        List<String> out = new ArrayList<>();
        http.send("GET", "/subjects", null).forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient" + http.urls();
    }

    private void remember(SubjectSchema key, int id) {
        ids.putIfAbsent(key, id);
        schemasById.putIfAbsent(id, key.schema());
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + RegistryJson.segment(subject);
    }

    /** schemaType is left out: every Confluent-API registry takes its absence to mean AVRO, old ones reject it. */
    private static ObjectNode schemaBody(Schema schema) {
        return RegistryJson.object().put("schema", schema.toString());
    }

    private static RegisteredSchema registered(JsonNode answer, String subject) {
        String what = "subject " + subject;
        return new RegisteredSchema(answer.path("subject").asText(subject), requireInt(answer, "id", what),
                requireInt(answer, "version", what), parse(answer, what));
    }

    private static Schema parse(JsonNode answer, String what) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
                    what + " is a " + type + " schema, not Avro", what);
        }
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw new SchemaRegistryException(200, 0, "answer has no schema text", what);
        }
        try {
            return RegistryJson.parseLenient(text.asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
                    "registry returned an unparseable schema: " + e.getMessage(), what, e);
        }
    }

    private static int requireInt(JsonNode answer, String field, String what) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new SchemaRegistryException(200, 0, "answer has no integer '" + field + "': " + answer, what);
        }
        return value.asInt();
    }
}
