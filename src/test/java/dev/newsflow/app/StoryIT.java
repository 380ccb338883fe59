package dev.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.LanguageOnlyEnricher;
import dev.newsflow.enrich.dedup.StoryTexts;
import dev.newsflow.kafka.KafkaTestClients;
import dev.newsflow.kafka.SharedKafka;
import dev.newsflow.registry.SharedRegistry;
import dev.newsflow.schema.DuplicateMatch;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import dev.newsflow.schema.Story;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story stage on a real broker: copies of one story arriving on different input partitions at the same time get
 * one story id, exact duplicates are flagged, and after a restart with the state directory wiped the index comes
 * back from its changelogs, so later copies still join their story.
 */
@ExtendWith(SharedKafka.class)
class StoryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path stateDir;

    private static RawArticle article(String id, String url, String title, String body) {
        return RawArticle.newBuilder()
                .setId(id)
                .setUrl(url)
                .setSource(new Source("Example Wire", null))
                .setTitle(title)
                .setBody(body)
                .setFetchedAt(Instant.now())
                .build();
    }

    private static void send(PipelineFixture fixture, Producer<byte[], byte[]> producer, int partition, RawArticle article) {
        producer.send(new ProducerRecord<>(fixture.rawTopic(), partition, article.getId().getBytes(),
                fixture.serialize(article)));
    }

    private static Map<String, Story> stories(List<ConsumerRecord<String, EnrichedArticle>> records) {
        Map<String, Story> stories = new HashMap<>();
        records.forEach(r -> assertThat(stories.put(r.key(), r.value().getStory())).as("one output for %s", r.key()).isNull());
        return stories;
    }

    @Test
    void copiesOnDifferentPartitionsShareOneStoryAndTheIndexSurvivesAWipedStateDirectory(KafkaTestClients clients)
            throws Exception {
        PipelineFixture fixture = new PipelineFixture(clients, SharedRegistry.url(), stateDir);
        NewsflowConfig config = fixture.config.toBuilder().partitions(3).build();
        Producer<byte[], byte[]> producer = fixture.rawProducer();

        try (NewsflowApplication app = NewsflowApplication.start(config, LanguageOnlyEnricher::new)) {
            assertThat(app.awaitRunning(TIMEOUT)).isTrue();
            // All at once and on three partitions: which copy the index sees first is up to the broker.
            send(fixture, producer, 0, article("wire", "https://wire.example/rail", "Norland reopens rail corridor",
                    StoryTexts.WIRE_BODY));
            send(fixture, producer, 1, article("daily", "https://daily.example/news/7", "Trains to roll again",
                    StoryTexts.SYNDICATED_BODY));
            send(fixture, producer, 2, article("again", "https://www.wire.example/rail?utm_source=feed",
                    "Norland reopens rail corridor (updated)", StoryTexts.EDITED_BODY));
            send(fixture, producer, 2, article("plants", "https://paper.example/plants", "Sunflowers clean soil",
                    StoryTexts.UNRELATED_BODY));
            producer.flush();
            Map<String, Story> first = stories(fixture.enriched(4, TIMEOUT));

            String storyId = first.get("wire").getStoryId();
            assertThat(Set.of("wire", "daily", "again")).contains(storyId);
            assertThat(first.get("daily").getStoryId()).isEqualTo(storyId);
            assertThat(first.get("again").getStoryId()).isEqualTo(storyId);
            assertThat(first.get("plants").getStoryId()).isEqualTo("plants");
            // "wire" and "again" share a canonical URL: whichever came second is the exact duplicate of the other.
            Story wire = first.get("wire");
            Story again = first.get("again");
            assertThat(wire.getDuplicate() ^ again.getDuplicate()).isTrue();
            Story repeat = wire.getDuplicate() ? wire : again;
            assertThat(repeat.getMatch()).isEqualTo(DuplicateMatch.SAME_URL);
            assertThat(repeat.getDuplicateOf()).isEqualTo(wire.getDuplicate() ? "again" : "wire");
            assertThat(first.get("daily").getDuplicate()).isFalse();
        }

        wipe(stateDir);

        try (NewsflowApplication app = NewsflowApplication.start(config, LanguageOnlyEnricher::new)) {
            assertThat(app.awaitRunning(TIMEOUT)).isTrue();
            send(fixture, producer, 1, article("late-copy", "https://weekly.example/rail", "Freight is back",
                    StoryTexts.SYNDICATED_BODY));
            send(fixture, producer, 0, article("plants-again", "https://paper.example/plants?fbclid=x",
                    "Sunflowers clean soil", StoryTexts.UNRELATED_BODY));
            producer.flush();
            List<ConsumerRecord<String, EnrichedArticle>> all = fixture.enriched(6, TIMEOUT);
            Map<String, Story> stories = stories(all);

            assertThat(stories.get("late-copy").getStoryId()).isEqualTo(stories.get("wire").getStoryId());
            assertThat(stories.get("late-copy").getMatch()).isEqualTo(DuplicateMatch.NEAR_TEXT);
            assertThat(stories.get("plants-again").getDuplicate()).isTrue();
            assertThat(stories.get("plants-again").getDuplicateOf()).isEqualTo("plants");
        }
        assertThat(clients.readToEnd(config.outputTopic(), TIMEOUT)).hasSize(6);
    }

    private static void wipe(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("state directory wiped").isEmpty();
        }
    }
}
