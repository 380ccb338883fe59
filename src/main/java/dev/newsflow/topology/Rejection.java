package dev.newsflow.topology;

import dev.newsflow.schema.FailureStage;

/**
 * Why an input record cannot become an enriched article.
 *
 * @param stage     the stage that refused it
 * @param errorCode stable machine-readable code (see docs/CONTRACTS.md)
 * @param reason    human-readable explanation
 * @param cause     the exception behind it, or null
 */
record Rejection(FailureStage stage, String errorCode, String reason, Throwable cause) {

    static Rejection of(FailureStage stage, String errorCode, String reason) {
        return new Rejection(stage, errorCode, reason, null);
    }
}
