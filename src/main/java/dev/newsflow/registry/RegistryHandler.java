package dev.newsflow.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Routes the Confluent REST subset onto a {@link SchemaStore}, answering with Confluent's JSON shapes and error codes. */
final class RegistryHandler implements HttpHandler {

    private final SchemaStore store;

    RegistryHandler(SchemaStore store) {
        this.store = store;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        int status = 200;
        JsonNode answer;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            answer = route(exchange.getRequestMethod(), segments(exchange.getRequestURI().getRawPath()),
                    exchange.getRequestURI().getRawQuery(), body);
        } catch (SchemaRegistryException e) {
            status = e.httpStatus();
            answer = errorBody(e.errorCode(), e.registryMessage());
        } catch (RuntimeException e) {
            status = 500;
            answer = errorBody(SchemaRegistryException.STORE_ERROR, "Error in the backend data store: " + e);
        }
        byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", RegistryJson.CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private JsonNode route(String method, List<String> path, String query, byte[] body) {
        String head = path.isEmpty() ? "" : path.get(0);
        int n = path.size();
        switch (head) {
            case "" -> {
                return RegistryJson.object();
            }
            case "subjects" -> {
                if (n == 1) {
                    return expect(method, "GET", strings(store.subjects()));
                }
                String subject = path.get(1);
                if (n == 2) {
                    expect(method, "POST", null);
                    return registered(store.lookup(subject, schemaText(body)));
                }
                if (n == 3 && path.get(2).equals("versions")) {
                    if (method.equals("POST")) {
                        return RegistryJson.object().put("id", store.register(subject, schemaText(body)));
                    }
                    return expect(method, "GET", ints(store.versions(subject)));
                }
                if (n == 4 && path.get(2).equals("versions")) {
                    return expect(method, "GET", registered(store.version(subject, path.get(3))));
                }
            }
            case "schemas" -> {
                if (n == 3 && path.get(1).equals("ids")) {
                    return expect(method, "GET", RegistryJson.object().put("schema", store.schemaText(id(path.get(2)))));
                }
            }
            case "compatibility" -> {
                if (n == 5 && path.get(1).equals("subjects") && path.get(3).equals("versions")) {
                    expect(method, "POST", null);
                    List<String> problems = store.checkAgainst(path.get(2), path.get(4), schemaText(body));
                    ObjectNode result = RegistryJson.object().put("is_compatible", problems.isEmpty());
                    if (flag(query, "verbose")) {
                        problems.forEach(result.putArray("messages")::add);
                    }
                    return result;
                }
            }
            case "config" -> {
                if (n <= 2) {
                    return config(method, n == 2 ? path.get(1) : null, query, body);
                }
            }
            default -> {
                // falls through to 404
            }
        }
        throw SchemaStore.error(404, 404, "HTTP 404 Not Found");
    }

    private JsonNode config(String method, String subject, String query, byte[] body) {
        if (method.equals("PUT")) {
            CompatibilityLevel level;
            try {
                level = CompatibilityLevel.parse(json(body).path("compatibility").asText(""));
            } catch (IllegalArgumentException e) {
                throw SchemaStore.error(422, SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
                        "Invalid compatibility level. Valid values are none, backward, forward, full, "
                                + "backward_transitive, forward_transitive, and full_transitive");
            }
            store.setLevel(subject, level);
            return RegistryJson.object().put("compatibility", level.name());
        }
        expect(method, "GET", null);
        CompatibilityLevel level = subject == null ? store.globalLevel() : store.subjectLevel(subject);
        if (level == null && flag(query, "defaultToGlobal")) {
            level = store.globalLevel();
        }
        if (level == null) {
            throw SchemaStore.error(404, 40408, "Subject '" + subject
                    + "' does not have subject-level compatibility configured");
        }
        return RegistryJson.object().put("compatibilityLevel", level.name());
    }

    private static ObjectNode errorBody(int code, String message) {
        return RegistryJson.object().put("error_code", code).put("message", message);
    }

    private static <T> T expect(String method, String allowed, T result) {
        if (!method.equals(allowed)) {
            throw SchemaStore.error(405, 405, "HTTP 405 Method Not Allowed");
        }
        return result;
    }

    private static String schemaText(byte[] body) {
        JsonNode json = json(body);
        String type = json.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw SchemaStore.error(422, SchemaRegistryException.INVALID_SCHEMA, "Invalid schema type " + type
                    + ": this registry stores only Avro");
        }
        return json.path("schema").asText("");
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode json = RegistryJson.MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                throw SchemaStore.error(400, 400, "request body must be a JSON object");
            }
            return json;
        } catch (IOException e) {
            throw SchemaStore.error(400, 400, "request body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static int id(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw SchemaStore.error(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + text + " not found");
        }
    }

    private static ObjectNode registered(RegisteredSchema r) {
        return RegistryJson.object().put("subject", r.subject()).put("version", r.version()).put("id", r.id())
                .put("schema", r.schema().toString());
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = RegistryJson.MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ArrayNode ints(List<Integer> values) {
        ArrayNode array = RegistryJson.MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static boolean flag(String rawQuery, String name) {
        if (rawQuery == null) {
            return false;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.equalsIgnoreCase(name + "=true")) {
                return true;
            }
        }
        return false;
    }

    /** Splits the raw path and decodes each segment, so an encoded '/' inside a subject name stays in it. */
    private static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                try {
                    out.add(RegistryJson.decodeSegment(part));
                } catch (IllegalArgumentException e) {
                    throw SchemaStore.error(400, 400, "bad percent-encoding in the path");
                }
            }
        }
        return out;
    }
}
