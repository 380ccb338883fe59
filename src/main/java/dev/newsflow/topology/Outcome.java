package dev.newsflow.topology;

import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;

/** What the pipeline made of one input record: an enriched article, or a dead letter saying why not. */
sealed interface Outcome {

    record Enriched(EnrichedArticle article) implements Outcome {
    }

    record Rejected(DeadLetter letter) implements Outcome {
    }
}
