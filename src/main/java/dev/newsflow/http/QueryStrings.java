package dev.newsflow.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the parts of a query URL the interactive query routes share: path segments, parameters, instants, limits. */
final class QueryStrings {

    private QueryStrings() {
    }

    /** The decoded, non-empty segments of a raw path ({@code "topic/a%2Fb/"} gives {@code [topic, a/b]}). */
    static List<String> segments(String rawPath) {
        return Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
    }

    /** The decoded parameters of a raw query string, which may be null. */
    static Map<String, String> parameters(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** The ISO-8601 instant in parameter {@code name}, or {@code fallback} when it is absent or empty. */
    static Instant instant(Map<String, String> parameters, String name, Instant fallback) throws BadQuery {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadQuery(name + " must be an ISO-8601 instant such as 2026-11-28T09:00:00Z, got " + value);
        }
    }

    /** The {@code limit} parameter: 1 to {@code max}, {@code fallback} when absent. */
    static int limit(Map<String, String> parameters, int fallback, int max) throws BadQuery {
        int limit;
        try {
            limit = Integer.parseInt(parameters.getOrDefault("limit", "" + fallback));
        } catch (NumberFormatException e) {
            throw new BadQuery("limit must be a number");
        }
        if (limit < 1 || limit > max) {
            throw new BadQuery("limit must be between 1 and " + max);
        }
        return limit;
    }
}
