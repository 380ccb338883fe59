package dev.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.Document;
import dev.newsflow.enrich.text.NormalisedText;
import dev.newsflow.enrich.text.TextNormaliser;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped knowledge base on a wire-style report written for this test. */
class WireReportLinkingTest {

    private static final String TITLE = "Erdogan and Putin discuss grain corridor as NATO allies watch";
    private static final String BODY = String.join("\n\n",
            "ANKARA — Turkish President Recep Tayyip Erdoğan spoke by telephone with Russian President Vladimir "
                    + "Putin on Monday about reopening the Black Sea grain corridor, the Turkish presidency said.",
            "Erdogan told Putin that shipments from Odesa should resume before winter, according to the statement. "
                    + "The Kremlin said the two leaders also discussed Syria.",
            "NATO Secretary General Mark Rutte said in Brussels that the alliance welcomed any talks that eased "
                    + "pressure on food prices. Rutte added that Ukrainian ports had been repeatedly targeted.",
            "Iranian Foreign Minister Abbas Araghchi, speaking in Tehran, said Iran supported the talks.");

    private static EntityLinker linker;

    @BeforeAll
    static void load() {
        linker = new EntityLinker(AliasDictionary.of(KnowledgeBase.loadDefault()));
    }

    private static Map<String, List<String>> link() {
        NormalisedText text = new TextNormaliser().normalise(TITLE, BODY, false);
        List<EntityMatch> matches = linker.link(new Document("w", text.title(), text.text(), text.bodyStart(), "en", null, null));
        return matches.stream().collect(Collectors.toMap(EntityMatch::id, m -> m.mentions().stream().map(Span::surface).toList()));
    }

    @Test
    void leadersDemonymsDiacriticVariantsAndAcronymsLinkToOneEntityEach() {
        Map<String, List<String>> found = link();

        assertThat(found.get("person:recep-tayyip-erdogan")).containsExactly("Erdogan", "Recep Tayyip Erdoğan", "Erdogan");
        assertThat(found.get("person:vladimir-putin")).containsExactly("Putin", "Vladimir Putin", "Putin");
        assertThat(found.get("person:mark-rutte")).contains("Rutte");
        assertThat(found.get("person:abbas-araghchi")).isNotEmpty();
        assertThat(found.get("country:tr")).contains("Turkish");
        assertThat(found.get("country:ir")).contains("Iranian", "Iran");
        assertThat(found.get("country:ua")).contains("Ukrainian");
        assertThat(found.get("org:nato")).contains("NATO");
        assertThat(found.get("org:kremlin")).containsExactly("Kremlin");
        assertThat(found).containsKeys("city:ankara-tr", "city:odesa-ua", "city:brussels-be", "city:tehran-ir",
                "region:black-sea", "country:sy", "country:ru");
    }

    @Test
    void nothingElseIsLinked() {
        assertThat(link().keySet()).allSatisfy(id -> assertThat(id).isIn(
                "person:recep-tayyip-erdogan", "person:vladimir-putin", "person:mark-rutte", "person:abbas-araghchi",
                "country:tr", "country:ir", "country:ua", "country:ru", "country:sy", "org:nato", "org:kremlin",
                "city:ankara-tr", "city:odesa-ua", "city:brussels-be", "city:tehran-ir", "region:black-sea"));
    }
}
