package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The feature keys are the shipped model's vocabulary: any change to them silently breaks the model. */
class FeaturesTest {

    /** Sentences, then the number of feature keys and a checksum of them, as the code that trained the model gave. */
    private static final Object[][] PINNED = {
        {"German Chancellor Angela Merkel met Vladimir Putin in Moscow on Tuesday .", 642, 0xef0f35dfe4dec26fL},
        {"SOCCER - CLINTON VISITS BERLIN .", 316, 0xef0b4a6cb908f88bL},
        {"Obama", 53, 0x2111d977ea843691L},
        {"\u201c It \u2019s over , \u201d said Erdo\u011fan\u2019s aide , adding that 1,000.5 U.S. troops would leave Kyiv by"
                + " 2026 .", 1111, 0xb076c135f56ad962L},
        {"the quick zyxwvut Qqqxx", 216, 0xa4eb29836728ab59L},
    };

    static Lexicon shippedLexicon() throws IOException {
        try (InputStream in = FeaturesTest.class.getResourceAsStream(NameFinder.LEXICON_RESOURCE)) {
            return Lexicon.read(in);
        }
    }

    @Test
    void extractGivesTheKeysTheShippedModelWasTrainedOn() throws IOException {
        Features fx = new Features(shippedLexicon());
        long[] keys = new long[Features.MAXF];
        for (Object[] pinned : PINNED) {
            String[] toks = ((String) pinned[0]).split(" ");
            fx.prepare(toks);
            boolean caps = Features.allCaps(toks);
            long checksum = 0;
            int count = 0;
            for (int i = 0; i < toks.length; i++) {
                int f = fx.extract(toks, i, caps, keys, 0);
                long[] sorted = Arrays.copyOf(keys, f);
                Arrays.sort(sorted);
                for (long k : sorted) {
                    checksum = checksum * 31 + k;
                }
                count += f;
            }
            assertThat(count).as(toks[0]).isEqualTo(pinned[1]);
            assertThat(checksum).as(toks[0]).isEqualTo(pinned[2]);
        }
    }

    @Test
    void neighbourFeaturesOfAWordDoNotDependOnItsSentence() throws IOException {
        Features fx = new Features(shippedLexicon());
        long[] a = new long[Features.MAXF];
        long[] b = new long[Features.MAXF];
        String[] first = "Putin met Merkel .".split(" ");
        String[] second = "Yesterday , Merkel said".split(" ");
        for (int d : Features.NEIGHBOURS) {
            fx.prepare(first);
            int fa = fx.neighbourFeatures(first, first.length, 2, d, a, 0);
            fx.prepare(second);
            int fb = fx.neighbourFeatures(second, second.length, 2, d, b, 0);
            assertThat(Arrays.copyOf(a, fa)).as("position %d", d).containsExactly(Arrays.copyOf(b, fb));
        }
    }
}
