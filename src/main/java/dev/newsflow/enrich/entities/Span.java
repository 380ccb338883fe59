package dev.newsflow.enrich.entities;

/** A half-open range {@code [start, end)} of the normalised text and the characters it covers. */
public record Span(int start, int end, String surface) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
