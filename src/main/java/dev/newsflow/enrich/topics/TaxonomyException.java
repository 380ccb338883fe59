package dev.newsflow.enrich.topics;

/** An invalid taxonomy: the message names the topic and the field, so a rejected hot-reload update is explainable. */
public final class TaxonomyException extends RuntimeException {

    public TaxonomyException(String message) {
        super(message);
    }

    public TaxonomyException(String message, Throwable cause) {
        super(message, cause);
    }
}
