package dev.newsflow.topology;

import dev.newsflow.schema.FailureStage;
import dev.newsflow.schema.RawArticle;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a decoded {@link RawArticle} against the crawler contract beyond what the Avro schema enforces. */
final class ArticleValidator {

    static final int MAX_ID_LENGTH = 512;
    static final int MAX_URL_LENGTH = 4096;
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}");

    /** Crawler clocks and time zones drift; a date further ahead than this is a bug (seconds read as millis, ...). */
    static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    private final int maxBodyChars;
    private final Clock clock;

    ArticleValidator(int maxBodyChars) {
        this(maxBodyChars, Clock.systemUTC());
    }

    ArticleValidator(int maxBodyChars, Clock clock) {
        this.maxBodyChars = maxBodyChars;
        this.clock = clock;
    }

    /** The first contract violation, or empty when the article is acceptable. */
    Optional<Rejection> validate(RawArticle article) {
        String id = article.getId();
        if (id.isBlank()) {
            return reject("missing-id", "field 'id' is empty");
        }
        if (id.length() > MAX_ID_LENGTH) {
            return reject("id-too-long", "field 'id' has " + id.length() + " characters; at most " + MAX_ID_LENGTH + " are allowed");
        }
        // Format characters (zero-width, bidi overrides) would make two ids look alike in every log and console.
        if (id.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            return reject("invalid-id", "field 'id' contains control or invisible formatting characters");
        }
        Optional<Rejection> url = validateUrl(article.getUrl());
        if (url.isPresent()) {
            return url;
        }
        if (article.getSource().getName().isBlank()) {
            return reject("missing-source", "field 'source.name' is empty");
        }
        if (article.getBody().length() > maxBodyChars) {
            return reject("body-too-large", "field 'body' has " + article.getBody().length()
                    + " characters; the configured maximum (max-body-chars) is " + maxBodyChars);
        }
        if (article.getBody().isBlank()) {
            return reject("empty-body", "field 'body' is empty");
        }
        if (article.getTitle().length() > maxBodyChars) {
            return reject("title-too-large", "field 'title' has " + article.getTitle().length() + " characters");
        }
        String language = article.getLanguage();
        if (language != null && !language.isBlank() && !LANGUAGE_TAG.matcher(language).matches()) {
            return reject("invalid-language", "field 'language' is '" + abbreviate(language) + "', not an ISO 639 code such as 'en'");
        }
        if (article.getFetchedAt() == null || article.getFetchedAt().toEpochMilli() <= 0) {
            return reject("missing-fetched-at", "field 'fetchedAt' must be a positive epoch-millisecond time");
        }
        Instant latest = clock.instant().plus(MAX_CLOCK_SKEW);
        if (article.getPublishedAt() != null && article.getPublishedAt().isAfter(latest)) {
            return futureDate("publishedAt", article.getPublishedAt(), latest);
        }
        if (article.getFetchedAt().isAfter(latest)) {
            return futureDate("fetchedAt", article.getFetchedAt(), latest);
        }
        return Optional.empty();
    }

    private static Optional<Rejection> futureDate(String field, Instant value, Instant latest) {
        return reject("future-date", "field '" + field + "' is " + value + " (" + value.toEpochMilli()
                + " ms), later than " + latest + "; it must be UTC epoch milliseconds, not seconds or microseconds");
    }

    private static Optional<Rejection> validateUrl(String url) {
        if (url.isBlank()) {
            return reject("missing-url", "field 'url' is empty");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return reject("invalid-url", "field 'url' is longer than " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return reject("invalid-url", "field 'url' must be an absolute http(s) URL, got '" + abbreviate(url) + "'");
            }
        } catch (URISyntaxException e) {
            return reject("invalid-url", "field 'url' is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(String code, String reason) {
        return Optional.of(Rejection.of(FailureStage.VALIDATE, code, reason));
    }

    static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
