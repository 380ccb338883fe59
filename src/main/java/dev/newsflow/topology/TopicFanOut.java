package dev.newsflow.topology;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.TopicTag;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * Copies each enriched article once per topic it carries, marked with a {@value #HEADER} header that
 * {@link #destination(Topics)} turns into the topic's own stream. Names come from the header at send time, so a
 * topic added by a rule update gets its stream without a new topology.
 */
final class TopicFanOut extends ContextualFixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {

    /** Header naming the taxonomy topic a copy is for; consumers of the per-topic streams can read it too. */
    static final String HEADER = "newsflow.topic";

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
        for (TopicTag tag : record.value().getTopics()) {
            Headers headers = new RecordHeaders(record.headers().toArray());
            headers.remove(HEADER);
            headers.add(HEADER, tag.getId().getBytes(StandardCharsets.UTF_8));
            context().forward(record.withHeaders(headers));
        }
    }

    static TopicNameExtractor<String, EnrichedArticle> destination(Topics topics) {
        return (key, article, context) -> topics.topicStream(topicOf(context));
    }

    private static String topicOf(RecordContext context) {
        var header = context.headers().lastHeader(HEADER);
        if (header == null) {
            throw new IllegalStateException("record reached the per-topic sink without a " + HEADER + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
