package dev.newsflow.topology;

import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;

/**
 * What the topology reports about each input record, where it decides between an enriched article and a dead
 * letter. Kept free of any metrics library so the topology stays pure; {@link #NONE} serves tests.
 */
public interface PipelineMetrics {

    /** Reports nothing. */
    PipelineMetrics NONE = new PipelineMetrics() {
    };

    /** An input record became an enriched article after {@code nanos} in the pipeline. */
    default void enriched(EnrichedArticle article, long nanos) {
    }

    /** An input record became a dead letter after {@code nanos} in the pipeline. */
    default void deadLettered(DeadLetter letter, long nanos) {
    }
}
