package dev.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.Document;
import dev.newsflow.enrich.text.NormalisedText;
import dev.newsflow.enrich.text.TextNormaliser;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EntityLinkerTest {

    private static final KnowledgeBase KB = KnowledgeBase.of("test-1", String.join("\n",
            "{\"id\":\"country:tr\",\"type\":\"COUNTRY\",\"name\":\"Türkiye\",\"countryCode\":\"TR\",\"aliases\":[{\"text\":\"Türkiye\"},{\"text\":\"Turkey\",\"ambiguous\":true}],\"demonyms\":[{\"text\":\"Turkish\"}]}",
            "{\"id\":\"country:us\",\"type\":\"COUNTRY\",\"name\":\"United States\",\"countryCode\":\"US\",\"aliases\":[{\"text\":\"United States\"},{\"text\":\"US\"},{\"text\":\"U.S.\",\"caseSensitive\":true}],\"demonyms\":[{\"text\":\"American\"}]}",
            "{\"id\":\"country:ir\",\"type\":\"COUNTRY\",\"name\":\"Iran\",\"countryCode\":\"IR\",\"aliases\":[{\"text\":\"Iran\"}],\"demonyms\":[{\"text\":\"Iranian\"}]}",
            "{\"id\":\"city:washington-us\",\"type\":\"CITY\",\"name\":\"Washington\",\"countryCode\":\"US\",\"aliases\":[{\"text\":\"Washington\"}]}",
            "{\"id\":\"org:the-washington-post\",\"type\":\"ORGANIZATION\",\"name\":\"The Washington Post\",\"countryCode\":\"US\",\"aliases\":[{\"text\":\"The Washington Post\"},{\"text\":\"Washington Post\"}]}",
            "{\"id\":\"person:recep-tayyip-erdogan\",\"type\":\"PERSON\",\"name\":\"Recep Tayyip Erdoğan\",\"countryCode\":\"TR\",\"aliases\":[{\"text\":\"Recep Tayyip Erdoğan\"},{\"text\":\"Tayyip Erdoğan\"}],\"surnames\":[{\"text\":\"Erdoğan\"}]}",
            "{\"id\":\"person:vladimir-putin\",\"type\":\"PERSON\",\"name\":\"Vladimir Putin\",\"countryCode\":\"RU\",\"wikidataId\":\"Q7747\",\"aliases\":[{\"text\":\"Vladimir Putin\"}],\"surnames\":[{\"text\":\"Putin\"}]}",
            "{\"id\":\"org:nato\",\"type\":\"ORGANIZATION\",\"name\":\"NATO\",\"aliases\":[{\"text\":\"NATO\",\"caseSensitive\":true},{\"text\":\"North Atlantic Treaty Organization\"}]}"));

    private final EntityLinker linker = new EntityLinker(AliasDictionary.of(KB));

    private static Document document(String title, String body) {
        NormalisedText text = new TextNormaliser().normalise(title, body, false);
        return new Document("d", text.title(), text.text(), text.bodyStart(), null, null, null);
    }

    private Map<String, List<String>> surfacesById(Document document) {
        return linker.link(document).stream().collect(Collectors.toMap(EntityMatch::id,
                m -> m.mentions().stream().map(Span::surface).toList()));
    }

    @Test
    void accentFoldedSpellingsLinkToOneEntity() {
        var found = surfacesById(document("Erdogan meets Putin",
                "Turkish President Recep Tayyip Erdogan met Vladimir Putin. Later Erdoğan said the talks went well."));

        assertThat(found.get("person:recep-tayyip-erdogan")).containsExactly("Erdogan", "Recep Tayyip Erdogan", "Erdoğan");
        assertThat(found.get("person:vladimir-putin")).containsExactly("Putin", "Vladimir Putin");
    }

    @Test
    void surnamesLinkOnlyAfterTheFullName() {
        var found = surfacesById(document("", "Putin spoke first. Then Vladimir Putin arrived, and Putin smiled."));

        assertThat(found.get("person:vladimir-putin")).containsExactly("Vladimir Putin", "Putin");
    }

    @Test
    void shortAcronymsMatchOnlyInCapitals() {
        var found = surfacesById(document("", "The US said it would help us. NATO and nato differ; so do U.S. and u.s."));

        assertThat(found.get("country:us")).containsExactly("US", "U.S.");
        assertThat(found.get("org:nato")).containsExactly("NATO");
    }

    @Test
    void ambiguousNamesNeedUnambiguousSupportAndTheBirdIsNotACountry() {
        assertThat(surfacesById(document("", "They ate turkey. Turkey is a big bird."))).doesNotContainKey("country:tr");
        assertThat(surfacesById(document("", "Turkish troops crossed into Syria, Turkey said.")).get("country:tr"))
                .containsExactly("Turkish", "Turkey");
    }

    @Test
    void theLongestMatchWinsAndDemonymsLinkToTheirCountry() {
        var found = surfacesById(document("", "According to The Washington Post, Iranian officials met in Washington."));

        assertThat(found.get("org:the-washington-post")).containsExactly("The Washington Post");
        assertThat(found.get("city:washington-us")).containsExactly("Washington");
        assertThat(found.get("country:ir")).containsExactly("Iranian");
    }

    @Test
    void offsetsPointIntoTheTextAndHeadlineEntitiesRankFirst() {
        Document document = document("Iran and NATO", "Officials met. Vladimir Putin was not there. Iran said nothing.");
        List<EntityMatch> matches = linker.link(document);

        assertThat(matches.get(0).id()).isEqualTo("country:ir");
        for (EntityMatch match : matches) {
            for (Span span : match.mentions()) {
                assertThat(document.text().substring(span.start(), span.end())).isEqualTo(span.surface());
            }
            assertThat(match.salience()).isBetween(0.0, 1.0);
        }
        EntityMatch putin = matches.stream().filter(m -> m.id().equals("person:vladimir-putin")).findFirst().orElseThrow();
        assertThat(putin.wikidataId()).isEqualTo("Q7747");
        assertThat(putin.type()).isEqualTo(EntityMatch.EntityKind.PERSON);
        assertThat(putin.salience()).isLessThan(matches.get(0).salience());
    }

    @Test
    void theDefaultKnowledgeBaseLinksCountriesCitiesAndRegions() {
        KnowledgeBase kb = KnowledgeBase.loadDefault();
        EntityLinker defaultLinker = new EntityLinker(AliasDictionary.of(kb));

        List<EntityMatch> matches = defaultLinker.link(document("Talks in Tehran",
                "Russian and Iranian officials met in Tehran on Tuesday to discuss Syria and the Crimean Peninsula. "
                        + "The United States says forces should leave the Euphrates valley."));

        assertThat(matches).extracting(EntityMatch::id)
                .contains("country:ru", "country:ir", "country:sy", "country:us", "city:tehran-ir", "region:crimea",
                        "region:euphrates");
        assertThat(kb.version()).startsWith("kb-");
    }

    @Test
    void placeNamesThatAreOrdinaryWordsDoNotLinkOnTheirOwn() {
        EntityLinker defaultLinker = new EntityLinker(AliasDictionary.of(KnowledgeBase.loadDefault()));

        List<EntityMatch> matches = defaultLinker.link(document("Nice Work: Mobile Sales Split the Union",
                "Nice weather helped. Mobile phone sales were strong on Independence Day, and Reading the figures, "
                        + "analysts said Orange and Sale prices would Split the Union of buyers. Of course, nobody "
                        + "knows."));

        assertThat(matches).extracting(EntityMatch::id).noneMatch(id -> id.startsWith("city:"));
    }
}
