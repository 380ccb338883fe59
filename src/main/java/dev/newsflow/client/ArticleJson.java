package dev.newsflow.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schema.BodyFormat;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one article from a JSON object, as crawlers without an Avro library (and the AllSides dump) write it:
 * the RawArticle fields, with friendlier forms accepted (source as a string, times as ISO-8601 or epoch millis,
 * authors as a list or a comma-separated string, the id derived from the URL when absent).
 */
public final class ArticleJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ArticleJson() {
    }

    /** Parses one JSON line; {@code fetchedAt} is used when the line has no fetch time. */
    public static RawArticle parse(String json, Instant fetchedAt) throws ArticleParseException {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (Exception e) {
            throw new ArticleParseException("not valid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new ArticleParseException("expected a JSON object");
        }
        String url = requiredText(node, "url");
        String title = text(node, "title");
        String body = requiredText(node, "body");
        String id = text(node, "id");
        if (id == null || id.isBlank()) {
            id = sha1(url).substring(0, 16);
        }
        return RawArticle.newBuilder()
                .setId(id)
                .setUrl(url)
                .setSource(source(node, url))
                .setTitle(title == null ? "" : title)
                .setBody(body)
                .setBodyFormat(bodyFormat(node))
                .setLanguage(text(node, "language"))
                .setPublishedAt(time(node, "publishedAt", "published"))
                .setFetchedAt(orElse(time(node, "fetchedAt", "fetched"), fetchedAt))
                .setAuthors(authors(node.get("authors")))
                .setMetadata(metadata(node.get("metadata")))
                .build();
    }

    private static Source source(JsonNode node, String url) throws ArticleParseException {
        JsonNode source = node.get("source");
        if (source == null || source.isNull()) {
            throw new ArticleParseException("missing field 'source'");
        }
        if (source.isTextual()) {
            String domain = text(node, "source_url");
            return new Source(source.asText(), domain == null ? null : hostOf(domain));
        }
        String name = requiredText(source, "name");
        return new Source(name, text(source, "domain"));
    }

    private static String hostOf(String urlOrDomain) {
        String s = urlOrDomain.replaceFirst("^[a-zA-Z]+://", "");
        int slash = s.indexOf('/');
        s = slash < 0 ? s : s.substring(0, slash);
        s = s.toLowerCase(Locale.ROOT);
        return s.startsWith("www.") ? s.substring(4) : s;
    }

    private static BodyFormat bodyFormat(JsonNode node) throws ArticleParseException {
        String format = text(node, "bodyFormat");
        if (format == null) {
            return BodyFormat.TEXT;
        }
        try {
            return BodyFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ArticleParseException("field 'bodyFormat' must be TEXT or HTML, got '" + format + "'");
        }
    }

    private static Instant time(JsonNode node, String... names) throws ArticleParseException {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                continue;
            }
            if (value.isIntegralNumber()) {
                return Instant.ofEpochMilli(value.asLong());
            }
            String text = value.asText().trim();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notInstant) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException notOffset) {
                    try {
                        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                    } catch (DateTimeParseException notDate) {
                        throw new ArticleParseException("field '" + name + "' is not an ISO-8601 time or epoch millis: '" + text + "'");
                    }
                }
            }
        }
        return null;
    }

    private static List<String> authors(JsonNode node) {
        List<String> authors = new ArrayList<>();
        if (node == null || node.isNull()) {
            return authors;
        }
        if (node.isArray()) {
            node.forEach(author -> authors.add(author.asText()));
        } else {
            for (String author : node.asText().split(",")) {
                if (!author.isBlank()) {
                    authors.add(author.trim());
                }
            }
        }
        return authors;
    }

    private static Map<String, String> metadata(JsonNode node) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(field -> metadata.put(field.getKey(), field.getValue().asText()));
        }
        return metadata;
    }

    private static String requiredText(JsonNode node, String field) throws ArticleParseException {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new ArticleParseException("missing field '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
