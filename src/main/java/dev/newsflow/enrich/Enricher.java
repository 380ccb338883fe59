package dev.newsflow.enrich;

/**
 * Turns a normalised article into its enrichment; implementations are pure, thread-confined and Kafka-free,
 * so the same code serves the topology, the CLI's {@code enrich} command, tests and benchmarks.
 */
public interface Enricher {

    /** Enriches one document; must not throw on any text (hostile input included). */
    Enrichment enrich(Document document);

    /** The versions of the rules and models this enricher applies, stamped on every output record. */
    EnricherVersions versions();
}
