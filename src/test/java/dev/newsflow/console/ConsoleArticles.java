package dev.newsflow.console;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EntityType;
import dev.newsflow.schema.Evidence;
import dev.newsflow.schema.Language;
import dev.newsflow.schema.LinkMethod;
import dev.newsflow.schema.LanguageMethod;
import dev.newsflow.schema.Mention;
import dev.newsflow.schema.Provenance;
import dev.newsflow.schema.Source;
import dev.newsflow.schema.Story;
import dev.newsflow.schema.TopicTag;
import java.time.Instant;
import java.util.List;

/** Enriched articles built by hand, with offsets found in the text, for the console's tests. */
final class ConsoleArticles {

    private ConsoleArticles() {
    }

    /** A title, then a body naming Putin after a character outside the BMP, so offsets must count UTF-16 units. */
    static EnrichedArticle putin(String id, String title, Instant processedAt) {
        String text = title + "\n\n\uD83D\uDCE1 Vladimir Putin spoke about sanctions on Monday.";
        int putin = text.indexOf("Vladimir Putin");
        int sanctions = text.indexOf("sanctions");
        Entity entity = Entity.newBuilder().setId("person:vladimir-putin").setName("Vladimir Putin")
                .setType(EntityType.PERSON).setCountryCode("RU").setWikidataId(null).setLinkedBy(LinkMethod.DICTIONARY).setMentionCount(1).setSalience(0.9)
                .setMentions(List.of(new Mention(putin, putin + "Vladimir Putin".length(), "Vladimir Putin"))).build();
        TopicTag topic = TopicTag.newBuilder().setId("sanctions").setScore(0.8)
                .setEvidence(List.of(new Evidence("sanctions", sanctions, sanctions + "sanctions".length(), "any", 1.0)))
                .build();
        return EnrichedArticle.newBuilder()
                .setId(id).setUrl("https://wire.example.com/" + id).setCanonicalUrl("https://wire.example.com/" + id)
                .setSource(new Source("Example Wire", "wire.example.com")).setTitle(title).setText(text)
                .setBodyStart(title.length() + 2)
                .setLanguage(new Language("en", 0.99, LanguageMethod.STOPWORDS))
                .setPublishedAt(null).setFetchedAt(processedAt)
                .setEntities(List.of(entity)).setTopics(List.of(topic))
                .setStory(Story.newBuilder().setStoryId(id).setContentHash("00").build())
                .setProvenance(new Provenance("test", "taxonomy", "kb", "none", processedAt, "raw", 0, 0L))
                .build();
    }
}
