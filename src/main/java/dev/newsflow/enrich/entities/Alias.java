package dev.newsflow.enrich.entities;

/**
 * One way of writing an entity's name.
 *
 * @param entity        the entity it names
 * @param text          the alias as written in the knowledge base
 * @param keys          folded token keys of {@code text}
 * @param capitals      for each token, whether it starts with a capital in {@code text}
 * @param kind          what sort of alias it is, which decides when it may link
 * @param caseSensitive whether the text must match exactly, capitals included (short acronyms: US, not "us")
 * @param ambiguous     whether it is also an ordinary word or a common name: it links only when the same
 *                      entity is named unambiguously elsewhere in the article
 */
public record Alias(KbEntity entity, String text, String[] keys, boolean[] capitals, Kind kind, boolean caseSensitive,
                    boolean ambiguous) {

    /** Full names link anywhere; surnames only after the full name; demonyms link to their country. */
    public enum Kind { NAME, SURNAME, DEMONYM }
}
