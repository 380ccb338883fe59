package dev.newsflow.enrich.ner;

/**
 * A name found by the {@link NameFinder}: tokens {@code [start, end)} of the input, with type PER, ORG or LOC.
 */
public record NameSpan(int start, int end, String type) {
    public NameSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
