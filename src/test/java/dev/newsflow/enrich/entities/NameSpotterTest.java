package dev.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.ner.NameFinder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Open-set NER gated to the sentences the dictionary left capitalised words unexplained in. */
class NameSpotterTest {

    private static final NameSpotter SPOTTER = new NameSpotter(NameFinder.loadDefault());
    private static final String TEXT = "On Monday Mr. Vladimir Putin met reporters. Oksana Hrytsenko spoke in Kharkiv.";

    private static List<String> surfaces(List<NameSpotter.Name> names) {
        return names.stream().map(n -> TEXT.substring(n.start(), n.end())).toList();
    }

    @Test
    void everySentenceIsTaggedWithoutCoverage() {
        assertThat(surfaces(SPOTTER.spot(TEXT))).contains("Vladimir Putin", "Oksana Hrytsenko", "Kharkiv");
    }

    @Test
    void aSentenceWhoseCapitalsTheDictionaryExplainsIsNotTagged() {
        int putin = TEXT.indexOf("Vladimir Putin");
        // "On" starts the sentence and is a common word; "Monday" and "Mr." are never a name alone
        List<String> found = surfaces(SPOTTER.spot(TEXT, new int[] {putin, putin + "Vladimir Putin".length()}));

        assertThat(found).doesNotContain("Vladimir Putin").contains("Oksana Hrytsenko", "Kharkiv");
    }

    @Test
    void anUncoveredCapitalSendsItsSentenceToTheModel() {
        int putin = TEXT.indexOf("Putin");
        List<String> found = surfaces(SPOTTER.spot(TEXT, new int[] {putin, putin + "Putin".length()}));

        assertThat(found).contains("Vladimir Putin");
    }
}
