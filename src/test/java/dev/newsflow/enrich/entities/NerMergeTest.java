package dev.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.Document;
import dev.newsflow.enrich.NewsEnricher;
import dev.newsflow.enrich.entities.EntityMatch.LinkSource;
import dev.newsflow.enrich.text.NormalisedText;
import dev.newsflow.enrich.text.TextNormaliser;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dictionary hits merged with the shipped NER model's names. */
class NerMergeTest {

    private static NewsEnricher enricher;

    @BeforeAll
    static void load() {
        enricher = new NewsEnricher(NewsEnricher.Shared.loadDefault());
    }

    private static List<EntityMatch> entities(String title, String body) {
        NormalisedText text = new TextNormaliser().normalise(title, body, false);
        return enricher.enrich(new Document("n", text.title(), text.text(), text.bodyStart(), "en", null, null)).entities();
    }

    private static EntityMatch byId(List<EntityMatch> entities, String id) {
        return entities.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + entities.stream().map(EntityMatch::id).toList()));
    }

    @Test
    void namesTheKnowledgeBaseDoesNotKnowGetStableLocalIds() {
        String body = "Oksana Hrytsenko, a spokeswoman for the Kharkiv regional administration, said on Monday that "
                + "repairs would take weeks. Hrytsenko added that Vladimir Putin had not commented.";
        List<EntityMatch> first = entities("Repairs continue in Kharkiv", body);
        List<EntityMatch> second = entities("Another day", "Later, Oksana Hrytsenko spoke to reporters again.");

        EntityMatch unknown = byId(first, "local:person:oksana-hrytsenko");
        assertThat(unknown.linkedBy()).isEqualTo(LinkSource.NER);
        assertThat(unknown.name()).isEqualTo("Oksana Hrytsenko");
        assertThat(unknown.mentions()).extracting(Span::surface).containsExactly("Oksana Hrytsenko", "Hrytsenko");
        assertThat(byId(second, "local:person:oksana-hrytsenko")).isNotNull();
        assertThat(byId(first, "person:vladimir-putin").linkedBy()).isEqualTo(LinkSource.DICTIONARY_AND_NER);
        assertThat(byId(first, "city:kharkiv-ua").type()).isEqualTo(EntityMatch.EntityKind.CITY);
    }

    @Test
    void theModelConfirmsAnAmbiguousAliasOfTheSameType() {
        List<EntityMatch> found = entities("Markets", "Oil prices rose on Tuesday, Bloomberg reported, citing traders in London.");

        assertThat(byId(found, "org:bloomberg-news").mentions()).extracting(Span::surface).containsExactly("Bloomberg");
    }
}
