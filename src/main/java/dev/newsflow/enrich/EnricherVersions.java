package dev.newsflow.enrich;

/** Versions of the taxonomy, knowledge base and NER model an {@link Enricher} applies ("none" when absent). */
public record EnricherVersions(String taxonomy, String knowledgeBase, String nerModel) {

    /** Versions of an enricher that applies no rules and no models. */
    public static final EnricherVersions NONE = new EnricherVersions("none", "none", "none");
}
