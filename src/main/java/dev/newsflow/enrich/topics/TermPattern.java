package dev.newsflow.enrich.topics;

/**
 * One compiled term: a sequence of token keys (hyphens dropped), matched token by token. Inflected variants of a
 * term are separate patterns that share {@link #term} (what evidence reports) and {@link #ref}.
 *
 * @param term          the term as written in the taxonomy
 * @param keys          folded token keys to match, in order (hyphen tokens in the text are skipped between them)
 * @param caseSensitive whether the surface must equal {@link #surfaces} exactly
 * @param surfaces      the exact surfaces for case-sensitive terms, else null
 * @param ref           index of the rule reference ({@link Taxonomy.Ref}) this pattern reports to
 */
record TermPattern(String term, String[] keys, boolean caseSensitive, String[] surfaces, int ref) {
}
