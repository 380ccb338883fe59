package dev.newsflow.enrich;

import java.time.Instant;

/**
 * A normalised article handed to an {@link Enricher}: every offset an enricher reports refers to {@link #text()}.
 *
 * @param id               the crawler's article id
 * @param title            normalised headline; it is also {@code text.substring(0, title.length())}
 * @param text             the one normalised text: title, a blank line, then the body
 * @param bodyStart        offset in text where the body begins
 * @param declaredLanguage language the crawler declared, or null
 * @param sourceDomain     the outlet's domain, or null
 * @param publishedAt      publication time, or null
 */
public record Document(String id, String title, String text, int bodyStart, String declaredLanguage,
                       String sourceDomain, Instant publishedAt) {

    /** The body alone, without the title. */
    public String body() {
        return text.substring(bodyStart);
    }
}
