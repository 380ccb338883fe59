package dev.newsflow.topology;

import dev.newsflow.enrich.dedup.StoryAssignment;
import dev.newsflow.schema.EnrichedArticle;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Brings each article together with its story verdict, whichever arrives first, and emits the article with its
 * story, keyed by article id again. Each side waits in a store until the other comes, so every article is emitted
 * exactly once and nothing stays behind once both have arrived.
 */
final class StoryJoiner implements Processor<String, StoryJoiner.Input, String, EnrichedArticle> {

    /** Either side of the join. */
    sealed interface Input {
        record Article(EnrichedArticle article) implements Input {
        }

        record Verdict(StoryAssignment assignment) implements Input {
        }
    }

    private ProcessorContext<String, EnrichedArticle> context;
    private KeyValueStore<String, EnrichedArticle> articles;
    private KeyValueStore<String, StoryAssignment> verdicts;

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.articles = context.getStateStore(Topics.StoryTopics.PENDING_ARTICLES_STORE);
        this.verdicts = context.getStateStore(Topics.StoryTopics.PENDING_VERDICTS_STORE);
    }

    @Override
    public void process(Record<String, Input> record) {
        String ticket = record.key();
        if (record.value() instanceof Input.Article arrived) {
            StoryAssignment verdict = verdicts.delete(ticket);
            if (verdict == null) {
                articles.put(ticket, arrived.article());
            } else {
                emit(record, arrived.article(), verdict);
            }
        } else {
            StoryAssignment verdict = ((Input.Verdict) record.value()).assignment();
            EnrichedArticle article = articles.delete(ticket);
            if (article == null) {
                verdicts.put(ticket, verdict);
            } else {
                emit(record, article, verdict);
            }
        }
    }

    private void emit(Record<String, Input> record, EnrichedArticle article, StoryAssignment verdict) {
        context.forward(record.withKey(StoryTopology.articleId(record.key()))
                .withValue(EnrichedArticleMapper.withStory(article, verdict)));
    }
}
