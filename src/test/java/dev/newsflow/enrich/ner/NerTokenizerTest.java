package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NerTokenizerTest {

    private static List<String> texts(String s) {
        return NerTokenizer.tokenize(s).stream().map(NerTokenizer.Token::text).toList();
    }

    @Test
    void splitsLikeConll() {
        assertThat(texts("Mr. Smith's company, Acme Inc., didn't go to the U.S. on Jan. 5 (reportedly)."))
                .containsExactly("Mr.", "Smith", "'s", "company", ",", "Acme", "Inc.", ",", "did", "n't", "go", "to",
                        "the", "U.S.", "on", "Jan.", "5", "(", "reportedly", ")", ".");
        assertThat(texts("\"Pro-Western\" forces took 1,250.5 tonnes -- 40% more -- at $3 each; why?"))
                .containsExactly("\"", "Pro-Western", "\"", "forces", "took", "1,250.5", "tonnes", "--", "40", "%",
                        "more", "--", "at", "$", "3", "each", ";", "why", "?");
        assertThat(texts("Erdoğan’s aide said: “Never.”")).containsExactly("Erdoğan", "’s", "aide", "said", ":", "“",
                "Never", ".", "”");
    }

    @Test
    void aLongChunkOfDashedWordsIsSplitWithoutRecursion() {
        // One level of recursion per dash overflowed the stack here before.
        List<String> tokens = texts("(" + "war\u2014".repeat(60_000) + "peace).");

        assertThat(tokens).hasSize(1 + 60_000 * 2 + 3);
        assertThat(tokens.subList(0, 4)).containsExactly("(", "war", "\u2014", "war");
        assertThat(tokens.get(tokens.size() - 3)).isEqualTo("peace");
        assertThat(tokens.subList(tokens.size() - 2, tokens.size())).containsExactly(")", ".");
    }

    @Test
    void offsetsPointIntoTheInput() {
        String text = "  Angela Merkel\u00a0met\tVladimir Putin in Moscow.\nThen she left...  ";

        List<NerTokenizer.Token> tokens = NerTokenizer.tokenize(text);

        assertThat(tokens).isNotEmpty();
        for (NerTokenizer.Token t : tokens) {
            assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
        }
        assertThat(tokens.get(0).start()).isEqualTo(2);
        assertThat(texts(text)).containsExactly("Angela", "Merkel", "met", "Vladimir", "Putin", "in", "Moscow", ".",
                "Then", "she", "left", "...");
    }

    @Test
    void offsetsGiveTheSameTokensAndSentences() {
        String text = "He left. She stayed in the U.S. \"Why?\" he asked... (Smith's co-workers didn't--really.) OK!";

        NerTokenizer.Offsets o = NerTokenizer.offsets(text);
        List<List<NerTokenizer.Token>> sentences = NerTokenizer.sentences(text);

        assertThat(o.sentenceCount()).isEqualTo(sentences.size());
        for (int k = 0; k < sentences.size(); k++) {
            List<NerTokenizer.Token> s = sentences.get(k);
            assertThat(o.sentenceEnd(k) - o.sentenceStart(k)).isEqualTo(s.size());
            for (int i = 0; i < s.size(); i++) {
                int t = o.sentenceStart(k) + i;
                assertThat(new NerTokenizer.Token(o.token(t), o.start(t), o.end(t))).isEqualTo(s.get(i));
            }
        }
    }

    @Test
    void sentencesAndEdgeCases() {
        List<List<NerTokenizer.Token>> s = NerTokenizer.sentences("He left. She stayed in the U.S. \"Why?\" he asked.");

        assertThat(s).hasSize(3);
        assertThat(s.get(1).stream().map(NerTokenizer.Token::text).toList())
                .containsExactly("She", "stayed", "in", "the", "U.S.", "\"", "Why", "?", "\"");
        assertThat(NerTokenizer.tokenize(null)).isEmpty();
        assertThat(NerTokenizer.tokenize("   ")).isEmpty();
        assertThat(texts("...")).containsExactly("...");
        assertThat(texts("'")).containsExactly("'");
    }
}
