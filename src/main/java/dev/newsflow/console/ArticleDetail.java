package dev.newsflow.console;

import dev.newsflow.schema.EnrichedArticle;
import java.util.List;
import java.util.Locale;

/**
 * The article view: the summary, the text, every entity mention and topic evidence span, and the text cut into
 * segments that say which entities and topics cover each piece (offsets in UTF-16 code units, as in the record and
 * in JavaScript strings), so the page only has to render them.
 */
record ArticleDetail(FeedItem summary, String text, int bodyStart, List<EntityView> entities, List<TopicView> topics,
                     List<Highlights.Segment> segments) {

    /** An entity with its mentions. */
    record EntityView(String id, String name, String type, int mentionCount, double salience, List<Span> mentions) {
    }

    /** A topic with the spans that fired it. */
    record TopicView(String id, double score, List<Evidence> evidence) {
    }

    /** A mention: {@code text.substring(start, end)}. */
    record Span(int start, int end) {
    }

    /** One evidence span and the rule term it matched. */
    record Evidence(String term, int start, int end) {
    }

    static ArticleDetail of(EnrichedArticle article) {
        List<EntityView> entities = article.getEntities().stream()
                .map(e -> new EntityView(e.getId(), e.getName(), e.getType().name().toLowerCase(Locale.ROOT),
                        e.getMentionCount(), e.getSalience(),
                        e.getMentions().stream().map(m -> new Span(m.getStart(), m.getEnd())).toList()))
                .toList();
        List<TopicView> topics = article.getTopics().stream()
                .map(t -> new TopicView(t.getId(), t.getScore(),
                        t.getEvidence().stream().map(v -> new Evidence(v.getTerm(), v.getStart(), v.getEnd())).toList()))
                .toList();
        return new ArticleDetail(FeedItem.of(article), article.getText(), article.getBodyStart(), entities, topics,
                Highlights.segments(article.getText().length(), entities, topics));
    }

    /** Roughly what keeping this costs, in characters, for the store's budget. */
    int weight() {
        return text.length() * 2 + segments.size() * 16 + entities.size() * 64;
    }
}
