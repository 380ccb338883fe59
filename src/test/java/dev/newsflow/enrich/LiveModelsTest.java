package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.entities.KnowledgeBase;
import dev.newsflow.enrich.topics.Taxonomy;
import dev.newsflow.enrich.topics.TopicMatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveModelsTest {

    private static final Taxonomy RULES_1 = Taxonomy.parse("version: r1\ntopics:\n  - {id: a, label: A, terms: [alpha]}\n");
    private static final Taxonomy RULES_2 = Taxonomy.parse("version: r2\ntopics:\n  - {id: b, label: B, terms: [beta]}\n");
    private static final NewsEnricher.Shared SHIPPED = NewsEnricher.Shared.of(
            KnowledgeBase.of("kb-1", "{\"id\":\"country:ir\",\"type\":\"COUNTRY\",\"name\":\"Iran\"}"), null, RULES_1);

    private final LiveModels models = new LiveModels(SHIPPED);

    private static Document document(String words) {
        String body = "The " + words + " report came out. Then another " + words + " item followed.";
        return new Document("d", words, words + "\n\n" + body, words.length() + 2, "en", "example.com", Instant.EPOCH);
    }

    @Test
    void listenersSeeANewTaxonomyBeforeAnyEnricherDoes() {
        List<String> seenByListener = new ArrayList<>();
        models.onTaxonomyChange(next -> seenByListener.add(next.version() + " while " + models.current().taxonomy().version()));

        models.useTaxonomy(RULES_2);

        assertThat(seenByListener).containsExactly("r2 while r1");
        assertThat(models.current().taxonomy().version()).isEqualTo("r2");
    }

    @Test
    void anEnricherFollowsReplacementsAndReportsTheVersionsItApplied() {
        Enricher enricher = models.enricher();
        assertThat(enricher.enrich(document("alpha beta")).topics()).extracting(TopicMatch::id).containsExactly("a");

        models.useTaxonomy(RULES_2);
        assertThat(enricher.versions().taxonomy()).isEqualTo("r1");
        assertThat(enricher.enrich(document("alpha beta")).topics()).extracting(TopicMatch::id).containsExactly("b");
        assertThat(enricher.versions().taxonomy()).isEqualTo("r2");

        models.useTaxonomy(null);
        assertThat(enricher.enrich(document("alpha beta")).topics()).extracting(TopicMatch::id).containsExactly("a");
    }

    @Test
    void aBurstOfKnowledgeBaseChangesIsIndexedOnceAndVersionedByItsContent() {
        models.applyKbChange(KnowledgeBase.parseChange("{\"id\":\"org:x\",\"type\":\"ORGANIZATION\",\"name\":\"Xylo Corp\"}"));
        models.applyKbChange(KnowledgeBase.parseChange("{\"id\":\"country:ir\",\"deleted\":true}"));

        NewsEnricher.Shared first = models.current();
        assertThat(models.current()).isSameAs(first);
        assertThat(first.knowledgeBase().get("org:x")).isNotNull();
        assertThat(first.knowledgeBase().get("country:ir")).isNull();
        assertThat(first.knowledgeBase().version()).matches("kb-1\\+2-changes@[0-9a-f]{8}");

        models.revertKbChange("country:ir");
        NewsEnricher.Shared reverted = models.current();
        assertThat(reverted.knowledgeBase().get("country:ir")).isNotNull();
        assertThat(reverted.knowledgeBase().version()).isNotEqualTo(first.knowledgeBase().version());

        models.revertKbChange("org:x");
        assertThat(models.current().knowledgeBase().version()).isEqualTo("kb-1");
    }

    @Test
    void aTaxonomyChangeKeepsTheKnowledgeBaseIndex() {
        models.applyKbChange(KnowledgeBase.parseChange("{\"id\":\"org:x\",\"type\":\"ORGANIZATION\",\"name\":\"Xylo Corp\"}"));
        NewsEnricher.Shared before = models.current();

        models.useTaxonomy(RULES_2);

        assertThat(models.current().dictionary()).isSameAs(before.dictionary());
    }
}
