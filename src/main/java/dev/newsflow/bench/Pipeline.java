package dev.newsflow.bench;

import java.util.Locale;

/** The pipelines the benchmark compares, in the order it runs them. */
public enum Pipeline {
    PASSTHROUGH("decode RawArticle and write it back with the Avro serde; no validation, no enrichment"),
    HOT("newsflow topology with open-set NER off: the dictionary-only hot path"),
    FULL("newsflow topology with open-set NER, as 'run' and 'local' start it by default");

    private final String description;

    Pipeline(String description) {
        this.description = description;
    }

    /** The lower-case name used by {@code --phases} and in the report. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }
}
