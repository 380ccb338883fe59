package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Runs the model shipped in src/main/resources/ner; needs nothing outside the repository. */
class NameFinderTest {

    private static String[] toks(String s) {
        return s.split(" ");
    }

    @Test
    void findsObviousNamesWithTheShippedModel() {
        NameFinder nf = NameFinder.loadDefault();

        List<NameSpan> spans = nf.find(toks("German Chancellor Angela Merkel met Vladimir Putin in Moscow on Tuesday ."));

        assertThat(spans).contains(new NameSpan(2, 4, "PER"), new NameSpan(5, 7, "PER"), new NameSpan(8, 9, "LOC"));
        assertThat(spans).allSatisfy(s -> assertThat(s.type()).isIn("PER", "ORG", "LOC"));
    }

    @Test
    void findsOrganisations() {
        NameFinder nf = NameFinder.loadDefault();

        List<NameSpan> spans = nf.find(toks("Shares of Microsoft Corp rose 3 percent in New York on Monday ."));

        assertThat(spans).contains(new NameSpan(2, 4, "ORG"), new NameSpan(8, 10, "LOC"));
    }

    @Test
    void runsOnTokenisedRawText() {
        NameFinder nf = NameFinder.loadDefault();
        String text = "The United Nations said on Friday that John Smith, its envoy, would visit Syria.";
        List<NerTokenizer.Token> tokens = NerTokenizer.tokenize(text);

        List<NameSpan> spans = nf.find(NerTokenizer.texts(tokens));

        assertThat(spans).isNotEmpty();
        List<String> names = spans.stream()
                .map(s -> text.substring(tokens.get(s.start()).start(), tokens.get(s.end() - 1).end()) + "/" + s.type())
                .toList();
        assertThat(names).contains("John Smith/PER", "Syria/LOC");
    }

    @Test
    void documentLevelTaggingAgreesInShapeWithSentenceTagging() {
        NameFinder nf = NameFinder.loadDefault();
        List<String[]> doc = List.of(toks("SOCCER - CLINTON VISITS BERLIN ."),
                toks("President Bill Clinton arrived in Berlin on Sunday ."), new String[0]);

        List<List<NameSpan>> out = nf.findDocument(doc);

        assertThat(out).hasSize(3);
        assertThat(out.get(1)).contains(new NameSpan(1, 3, "PER"), new NameSpan(5, 6, "LOC"));
        assertThat(out.get(2)).isEmpty();
    }

    @Test
    void taggingFromTextOffsetsEqualsTaggingTokenStrings() {
        NameFinder nf = NameFinder.loadDefault();
        String text = "CLINTON VISITS BERLIN. President Bill Clinton, 50, arrived in Berlin on Sunday. "
                + "He met Chancellor Helmut Kohl’s aides at the Reichstag. Clinton then left for Warsaw.";
        NerTokenizer.Offsets offsets = NerTokenizer.offsets(text);
        List<List<NerTokenizer.Token>> sentences = NerTokenizer.sentences(text);
        int[] chosen = {0, 1, 3}; // a subset, as gating leaves it

        List<List<NameSpan>> fromOffsets = nf.findDocument(offsets, chosen, chosen.length);
        List<List<NameSpan>> fromStrings = nf.findDocument(
                IntStream.of(chosen).mapToObj(k -> NerTokenizer.texts(sentences.get(k))).toList());

        assertThat(fromOffsets).isEqualTo(fromStrings);
        assertThat(fromOffsets.get(1)).contains(new NameSpan(1, 3, "PER"));
    }

    @Test
    void emptyAndBadInput() {
        NameFinder nf = NameFinder.loadDefault();

        assertThat(nf.find(new String[0])).isEmpty();
        assertThat(nf.find(toks("nothing to see here ."))).isEmpty();
        assertThatThrownBy(() -> nf.find(new String[] {"a", null})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nf.find(new String[] {""})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isThreadSafe() {
        NameFinder nf = NameFinder.loadDefault();
        String[] s = toks("Angela Merkel met Vladimir Putin in Moscow .");
        List<NameSpan> expected = nf.find(s);

        List<List<NameSpan>> got = IntStream.range(0, 2000).parallel().mapToObj(i -> nf.find(s)).toList();

        assertThat(got).allSatisfy(g -> assertThat(g).isEqualTo(expected));
    }
}
