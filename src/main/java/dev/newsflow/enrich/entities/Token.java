package dev.newsflow.enrich.entities;

/**
 * One token of the normalised text.
 *
 * @param start offset of its first character
 * @param end   offset after its last character
 * @param key   the folded comparison key ({@link TextKeys})
 */
public record Token(int start, int end, String key) {
}
