package dev.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTokensTest {

    @Test
    void producesTheSameTokensAsTheEntityTokenizer() {
        for (String text : List.of("U.S. sanctions on Erdoğan's al-Assad — “quoted” text\n\nBody: 9/11, ISIS’s ‘drones’.",
                "Kim Jong-un's ICBM test; Zürich, São Paulo, ÆTHER straße ﬁ x\u0301y\tTab\u00A0nbsp", "", "   ", "a")) {
            List<Token> expected = Tokenizer.tokenize(text);
            TextTokens actual = TextTokens.of(text);
            assertThat(actual.size()).as(text).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.start(i)).isEqualTo(expected.get(i).start());
                assertThat(actual.end(i)).isEqualTo(expected.get(i).end());
                assertThat(actual.keyEquals(i, expected.get(i).key())).as(expected.get(i).key()).isTrue();
                assertThat(actual.key(i)).isEqualTo(expected.get(i).key());
                assertThat(actual.hash(i)).isEqualTo(expected.get(i).key().hashCode());
            }
        }
    }
}
