package dev.newsflow.enrich.topics;

import java.util.List;

/**
 * A topic the rules assigned to a document, with the evidence that fired it.
 *
 * @param id       topic id from the taxonomy
 * @param score    0..1, at or above the topic's threshold
 * @param evidence the matches that produced the score
 */
public record TopicMatch(String id, double score, List<TopicEvidence> evidence) {

    public TopicMatch {
        evidence = List.copyOf(evidence);
    }

    /** One rule match: the term or entity id, where it matched, which rule part, and what it contributed. */
    public record TopicEvidence(String term, int start, int end, String rulePart, double weight) {
    }
}
