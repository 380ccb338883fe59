package dev.newsflow.enrich;

import dev.newsflow.enrich.entities.EntityMatch;
import dev.newsflow.enrich.lang.LanguageGuess;
import dev.newsflow.enrich.topics.TopicMatch;
import java.util.List;

/**
 * What enrichment found in one document.
 *
 * @param language the article's language
 * @param entities entities named in the text, most salient first
 * @param topics   topics the article is about, highest score first
 */
public record Enrichment(LanguageGuess language, List<EntityMatch> entities, List<TopicMatch> topics) {

    public Enrichment {
        entities = List.copyOf(entities);
        topics = List.copyOf(topics);
    }
}
