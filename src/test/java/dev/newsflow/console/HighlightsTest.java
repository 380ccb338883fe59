package dev.newsflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.console.ArticleDetail.EntityView;
import dev.newsflow.console.ArticleDetail.Evidence;
import dev.newsflow.console.ArticleDetail.Span;
import dev.newsflow.console.ArticleDetail.TopicView;
import dev.newsflow.console.Highlights.Segment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightsTest {

    private static EntityView entity(String id, int... bounds) {
        List<Span> spans = new java.util.ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) {
            spans.add(new Span(bounds[i], bounds[i + 1]));
        }
        return new EntityView(id, id, "person", spans.size(), 0.5, spans);
    }

    private static TopicView topic(String id, int start, int end) {
        return new TopicView(id, 0.5, List.of(new Evidence("term", start, end)));
    }

    @Test
    void segmentsCoverTheWholeTextAndNameWhatCoversEachPiece() {
        //                     0         1         2
        //                     0123456789012345678901234
        String text = "Syria talks: Syria again";
        List<Segment> segments = Highlights.segments(text.length(),
                List.of(entity("country:sy", 0, 5, 13, 18)), List.of(topic("syria", 0, 11)));

        assertThat(segments).containsExactly(
                new Segment(0, 5, List.of("country:sy"), List.of("syria")),
                new Segment(5, 11, List.of(), List.of("syria")),
                new Segment(11, 13, List.of(), List.of()),
                new Segment(13, 18, List.of("country:sy"), List.of()),
                new Segment(18, 24, List.of(), List.of()));
    }

    @Test
    void overlappingSpansAreCutAtEveryBoundary() {
        List<Segment> segments = Highlights.segments(10,
                List.of(entity("a", 2, 6), entity("b", 4, 8)), List.of(topic("t", 5, 9), topic("u", 5, 9)));
        assertThat(segments).containsExactly(
                new Segment(0, 2, List.of(), List.of()),
                new Segment(2, 4, List.of("a"), List.of()),
                new Segment(4, 5, List.of("a", "b"), List.of()),
                new Segment(5, 6, List.of("a", "b"), List.of("t", "u")),
                new Segment(6, 8, List.of("b"), List.of("t", "u")),
                new Segment(8, 9, List.of(), List.of("t", "u")),
                new Segment(9, 10, List.of(), List.of()));
    }

    @Test
    void spansOutsideTheTextOrEmptyAreLeftOut() {
        assertThat(Highlights.segments(5, List.of(entity("a", 3, 9), entity("b", -1, 2), entity("c", 2, 2)),
                List.of(topic("t", 4, 3))))
                .containsExactly(new Segment(0, 5, List.of(), List.of()));
        assertThat(Highlights.segments(0, List.of(), List.of())).isEmpty();
    }

    @Test
    void offsetsAreUtf16CodeUnitsSoTextAfterAnEmojiIsFoundWhereTheRecordSaysIt() {
        ArticleDetail detail = ArticleDetail.of(ConsoleArticles.putin("a1", "Kremlin talks", Instant.EPOCH));
        Segment putin = detail.segments().stream().filter(s -> s.entities().contains("person:vladimir-putin")).findFirst().orElseThrow();
        Segment sanctions = detail.segments().stream().filter(s -> s.topics().contains("sanctions")).findFirst().orElseThrow();
        assertThat(detail.text().substring(putin.start(), putin.end())).isEqualTo("Vladimir Putin");
        assertThat(detail.text().substring(sanctions.start(), sanctions.end())).isEqualTo("sanctions");
        assertThat(detail.text().codePointCount(0, putin.start())).as("one code point fewer than code units")
                .isEqualTo(putin.start() - 1);
        assertThat(detail.segments().get(detail.segments().size() - 1).end()).isEqualTo(detail.text().length());
    }
}
