package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cached scorer must give exactly the emissions of looking up every feature of every token. */
class EmissionScorerTest {

    private static final List<String> SENTENCES = List.of(
            "German Chancellor Angela Merkel met Vladimir Putin in Moscow on Tuesday .",
            "SOCCER - CLINTON VISITS BERLIN .",
            "Obama",
            "Merkel , Merkel and Merkel met Putin , Putin and Putin in Moscow , Moscow .",
            "\u201c It \u2019s over , \u201d said Erdo\u011fan\u2019s aide in Kyiv .");

    private static NerModel model;
    private static NerModel docModel;
    private static Lexicon lexicon;
    private static NameFinder finder;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream m = resource(NameFinder.MODEL_RESOURCE); InputStream d = resource(NameFinder.DOC_MODEL_RESOURCE)) {
            model = NerModel.read(m);
            docModel = NerModel.read(d);
        }
        lexicon = FeaturesTest.shippedLexicon();
        finder = new NameFinder(model, docModel, lexicon);
    }

    private static InputStream resource(String name) {
        return EmissionScorerTest.class.getResourceAsStream(name);
    }

    @Test
    void scoresEqualTheSumOfEveryExtractedFeaturesWeights() {
        EmissionScorer scorer = finder.newScorer(1 << 10);
        Features fx = new Features(lexicon);
        long[] keys = new long[Features.MAXF];
        int nt = NerModel.NT;
        for (String s : SENTENCES) {
            String[] toks = s.split(" ");
            boolean caps = Features.allCaps(toks);
            int[] acc = scorer.score(toks, caps);
            fx.prepare(toks);
            for (int i = 0; i < toks.length; i++) {
                int f = fx.extract(toks, i, caps, keys, 0);
                for (int pass = 0; pass < 2; pass++) {
                    NerModel m = pass == 0 ? model : docModel;
                    for (int t = 0; t < nt; t++) {
                        double expected = 0;
                        for (int q = 0; q < f; q++) {
                            int row = m.rowOf.get(keys[q]);
                            expected += row < 0 ? 0 : m.w[row * nt + t];
                        }
                        float got = acc[i * 2 * nt + pass * nt + t] * m.scale();
                        assertThat(got).as("%s: token %d, pass %d, tag %d", toks[0], i, pass, t)
                                .isCloseTo((float) expected, within(1e-3f));
                    }
                }
            }
        }
    }

    @Test
    void aCacheOfOneSlotGivesTheSameScoresAsALargeOne() {
        EmissionScorer large = finder.newScorer(1 << 14);
        EmissionScorer one = finder.newScorer(1);
        for (int round = 0; round < 2; round++) {
            for (String s : SENTENCES) {
                String[] toks = s.split(" ");
                boolean caps = Features.allCaps(toks);
                int n = toks.length * 2 * NerModel.NT;
                int[] expected = Arrays.copyOf(large.score(toks, caps), n);
                assertThat(Arrays.copyOf(one.score(toks, caps), n)).as(s).containsExactly(expected);
            }
        }
        assertThat(large.hitRate()).isGreaterThan(0.5);
    }

    @Test
    void aRepeatedSentenceIsScoredFromTheCache() {
        EmissionScorer scorer = finder.newScorer(1 << 14);
        String[] toks = SENTENCES.get(0).split(" ");
        int n = toks.length * 2 * NerModel.NT;
        int[] first = Arrays.copyOf(scorer.score(toks, false), n);
        double afterFirst = scorer.hitRate();

        int[] second = Arrays.copyOf(scorer.score(toks, false), n);

        assertThat(second).containsExactly(first);
        assertThat(afterFirst).isZero();
        assertThat(scorer.hitRate()).isEqualTo(0.5);
    }
}
