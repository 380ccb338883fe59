package dev.newsflow.topology;

import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.dedup.StoryAssignment;
import dev.newsflow.enrich.dedup.StoryFingerprint;
import dev.newsflow.enrich.dedup.StoryFingerprinter;
import dev.newsflow.enrich.dedup.StoryRule;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Provenance;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The story stage between enrichment and the outputs: it gives every enriched article its story id and
 * duplicate flag, whichever input partition it came from.
 *
 * <p>Design: one writer for the whole story index. Fingerprints (up to about a kilobyte each) are repartitioned onto a
 * single partition, where {@link StoryAssigner} decides each article's story against a windowed index of the
 * earlier ones and files it, in one total order. The articles themselves never pass through that partition: they
 * are repartitioned by ticket onto as many partitions as configured, where {@link StoryJoiner} holds each until
 * its verdict arrives (or the verdict until its article arrives) and emits the article with its story. Sharding the
 * index by lookup key instead would let the copies of one story reach different shards in different orders, and
 * each shard could then see the other copy as the later one; a single writer avoids that race by construction, and
 * its per-article work (a few dozen store reads of small records) is far below the cost of enrichment, which still
 * scales with the input partitions.
 *
 * <p>Keys on the internal topics are tickets, the article id plus its input position, so two inputs that carry
 * the same article id (a crawler re-sending) are two articles here as everywhere else in the pipeline.
 */
final class StoryTopology {

    private static final Logger LOG = LoggerFactory.getLogger(StoryTopology.class);

    /** What the story index is asked to decide: an article and its fingerprint. */
    record Request(String articleId, StoryFingerprint fingerprint) {
    }

    private StoryTopology() {
    }

    /** Adds the story stage to {@code builder}; returns the articles with their stories, keyed by article id. */
    static KStream<String, EnrichedArticle> assign(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched,
                                                   NewsflowConfig config, Topics topics) {
        Topics.StoryTopics story = topics.story();
        Duration window = config.storyWindow();
        builder.addStateStore(Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(Topics.StoryTopics.INDEX_STORE, window, window, true),
                        story.ticketSerde(), story.entrySerde())
                .withCachingDisabled());
        builder.addStateStore(Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(Topics.StoryTopics.LEADS_STORE, window, window, false),
                        story.ticketSerde(), story.leadSerde())
                .withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Topics.StoryTopics.PENDING_ARTICLES_STORE),
                story.ticketSerde(), story.articleSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Topics.StoryTopics.PENDING_VERDICTS_STORE),
                story.ticketSerde(), story.verdictSerde()));

        KStream<String, EnrichedArticle> byTicket = enriched.selectKey((id, article) -> ticket(article),
                Named.as("story-ticket"));
        KStream<String, StoryAssignment> verdicts = byTicket
                .mapValues(StoryTopology::request, Named.as("story-fingerprint"))
                .repartition(Repartitioned.<String, Request>as(Topics.StoryTopics.FINGERPRINTS)
                        .withKeySerde(story.ticketSerde()).withValueSerde(story.requestSerde()).withNumberOfPartitions(1))
                .process(() -> new StoryAssigner(window, StoryRule.DEFAULT), Named.as("story-assign"),
                        Topics.StoryTopics.INDEX_STORE, Topics.StoryTopics.LEADS_STORE)
                .repartition(Repartitioned.<String, StoryAssignment>as(Topics.StoryTopics.VERDICTS)
                        .withKeySerde(story.ticketSerde()).withValueSerde(story.verdictSerde())
                        .withNumberOfPartitions(config.partitions()));
        KStream<String, EnrichedArticle> waiting = byTicket
                .repartition(Repartitioned.<String, EnrichedArticle>as(Topics.StoryTopics.ARTICLES)
                        .withKeySerde(story.ticketSerde()).withValueSerde(story.articleSerde())
                        .withNumberOfPartitions(config.partitions()));
        return waiting.<StoryJoiner.Input>mapValues(StoryJoiner.Input.Article::new, Named.as("story-waiting-article"))
                .merge(verdicts.mapValues(StoryJoiner.Input.Verdict::new, Named.as("story-verdict")),
                        Named.as("story-article-or-verdict"))
                .process(StoryJoiner::new, Named.as("story-join"),
                        Topics.StoryTopics.PENDING_ARTICLES_STORE, Topics.StoryTopics.PENDING_VERDICTS_STORE);
    }

    /** Article id and input position: unique per input record, unlike the article id. */
    static String ticket(EnrichedArticle article) {
        Provenance p = article.getProvenance();
        return article.getId() + '\n' + p.getSourceTopic() + '\n' + p.getSourcePartition() + '\n' + p.getSourceOffset();
    }

    /** An article id carries no control characters (the validator refuses them), so the first newline ends it. */
    static String articleId(String ticket) {
        return ticket.substring(0, ticket.indexOf('\n'));
    }

    private static Request request(EnrichedArticle article) {
        StoryFingerprint fingerprint;
        try {
            fingerprint = Fingerprints.INSTANCE.fingerprint(article.getCanonicalUrl(), article.getText(),
                    article.getBodyStart(), article.getStory().getContentHash());
        } catch (RuntimeException e) {
            // A fingerprint is a hint, not a reason to lose the article: without a lead it can still match exactly.
            LOG.warn("Cannot fingerprint article {}; it is matched by URL and text only", article.getId(), e);
            fingerprint = StoryFingerprinter.exactOnly(article.getCanonicalUrl(), article.getStory().getContentHash());
        }
        return new Request(article.getId(), fingerprint);
    }

    /** Loaded on first use by a stream thread, so building the topology reads nothing. */
    private static final class Fingerprints {
        static final StoryFingerprinter INSTANCE = StoryFingerprinter.shipped();
    }
}
