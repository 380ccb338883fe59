package dev.newsflow.topology;

import dev.newsflow.enrich.Document;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.EnricherVersions;
import dev.newsflow.enrich.Enrichment;
import dev.newsflow.enrich.entities.EntityMatch;
import dev.newsflow.enrich.lang.LanguageGuess;
import dev.newsflow.enrich.topics.TopicMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * A test enricher that tags what the title asks for: a word {@code #id} is a topic, {@code @id} an entity. Trend tests
 * need exact control over which keys each article counts for, which real rules would blur.
 */
public final class TaggingEnricher implements Enricher {

    @Override
    public Enrichment enrich(Document document) {
        List<EntityMatch> entities = new ArrayList<>();
        List<TopicMatch> topics = new ArrayList<>();
        for (String word : document.title().split("\\s+")) {
            if (word.startsWith("#") && word.length() > 1) {
                topics.add(new TopicMatch(word.substring(1), 1.0, List.of()));
            } else if (word.startsWith("@") && word.length() > 1) {
                entities.add(new EntityMatch(word.substring(1), word.substring(1), EntityMatch.EntityKind.OTHER, null,
                        null, EntityMatch.LinkSource.DICTIONARY, 0.5, List.of()));
            }
        }
        return new Enrichment(new LanguageGuess("en", 1.0, LanguageGuess.Method.DECLARED), entities, topics);
    }

    @Override
    public EnricherVersions versions() {
        return new EnricherVersions("test", "test", "test");
    }
}
