package dev.newsflow.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * One alert as the console lists it. The console knows no alert schema on purpose: it reads whatever record the
 * alerts topic carries (Avro through the registry, JSON, or text) and shows its key, the usual fields when present
 * and every top-level field as text, so the alert contract can change without the console.
 *
 * @param time ISO-8601 instant of the Kafka record
 */
record AlertItem(String key, String time, String severity, String title, Map<String, String> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TITLE_FIELDS = List.of("title", "headline", "articleTitle", "summary", "message");
    private static final int MAX_FIELD_CHARS = 300;
    private static final int MAX_FIELDS = 20;

    /**
     * Reads {@code value}: Confluent-framed Avro with {@code avro} (magic byte 0), a JSON object, or else text.
     * An undecodable record still becomes an alert, with the reason as its title.
     */
    static AlertItem decode(String key, String time, byte[] value, Function<byte[], GenericRecord> avro) {
        if (value == null) {
            return of(key, time, Map.of());
        }
        try {
            if (value.length > 5 && value[0] == 0) {
                return of(key, time, fields(avro.apply(value)));
            }
            String text = new String(value, StandardCharsets.UTF_8);
            if (text.stripLeading().startsWith("{")) {
                return of(key, time, fields(JSON.readTree(text)));
            }
            return of(key, time, Map.of("message", cap(text)));
        } catch (IOException | RuntimeException e) {
            return of(key, time, Map.of("message", cap("unreadable alert record: " + e.getMessage())));
        }
    }

    /**
     * The record key as text: plain UTF-8 (newsflow's default key format), or an Avro string in the Confluent frame
     * ({@code --key-format avro}: magic byte 0, schema id, zig-zag length, UTF-8), which is read without the registry.
     */
    static String key(byte[] key) {
        if (key == null) {
            return null;
        }
        if (key.length > 5 && key[0] == 0) {
            int at = 5;
            long zigzag = 0;
            for (int shift = 0; at < key.length && shift < 35; shift += 7) {
                byte b = key[at++];
                zigzag |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    long length = (zigzag >>> 1) ^ -(zigzag & 1);
                    if (length == key.length - at) {
                        return new String(key, at, (int) length, StandardCharsets.UTF_8);
                    }
                    break;
                }
            }
        }
        return new String(key, StandardCharsets.UTF_8);
    }

    private static AlertItem of(String key, String time, Map<String, String> fields) {
        String title = TITLE_FIELDS.stream().map(fields::get).filter(v -> v != null && !v.isBlank()).findFirst().orElse("");
        return new AlertItem(key, time, fields.getOrDefault("severity", ""), title, fields);
    }

    private static Map<String, String> fields(GenericRecord record) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            if (fields.size() == MAX_FIELDS) {
                break;
            }
            Object value = record.get(field.pos());
            if (value != null) {
                fields.put(field.name(), cap(value.toString()));
            }
        }
        return fields;
    }

    private static Map<String, String> fields(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        var names = node.fieldNames();
        while (names.hasNext() && fields.size() < MAX_FIELDS) {
            String name = names.next();
            JsonNode value = node.get(name);
            if (!value.isNull()) {
                fields.put(name, cap(value.isTextual() ? value.asText() : value.toString()));
            }
        }
        return fields;
    }

    private static String cap(String text) {
        return text.length() <= MAX_FIELD_CHARS ? text : text.substring(0, MAX_FIELD_CHARS - 3) + "...";
    }
}
