package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class NerEvaluatorTest {

    /** CoNLL-2003 style: IOB1, CRLF, -DOCSTART-, four columns. */
    private static final String CONLL = String.join("\r\n",
            "-DOCSTART- -X- -X- O", "",
            "John NNP I-NP I-PER", "Smith NNP I-NP I-PER", "visited VBD I-VP O", "New NNP I-NP I-LOC",
            "York NNP I-NP I-LOC", "and CC O O", "Acme NNP I-NP I-ORG", ". . O O", "",
            "German JJ I-NP I-MISC", "Paris NNP I-NP I-LOC", "Berlin NNP I-NP B-LOC", "", "");

    @Test
    void readsIob1WithCrlfAndDocstart() throws Exception {
        List<Conll.Doc> docs = Conll.read(new BufferedReader(new StringReader(CONLL)));

        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).sentences()).hasSize(2);
        assertThat(docs.get(0).sentences().get(0).spans()).containsExactly(
                new NameSpan(0, 2, "PER"), new NameSpan(3, 5, "LOC"), new NameSpan(6, 7, "ORG"));
        // B- inside IOB1 starts a second entity of the same type
        assertThat(docs.get(0).sentences().get(1).spans()).containsExactly(
                new NameSpan(0, 1, "MISC"), new NameSpan(1, 2, "LOC"), new NameSpan(2, 3, "LOC"));
    }

    @Test
    void readsRe3dIob2AndMapsTypes() throws Exception {
        String re3d = "Abu\tB-Person\nBakr\tI-Person\nleads\tO\nISIS\tB-Organisation\nin\tO\nRaqqa\tB-Location\n"
                + "with\tO\nAK-47s\tB-Weapon\n\nSyrian\tB-Nationality\n";

        List<Conll.Doc> docs = Conll.read(new BufferedReader(new StringReader(re3d)));

        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).sentences().get(0).spans()).containsExactly(
                new NameSpan(0, 2, "PER"), new NameSpan(3, 4, "ORG"), new NameSpan(5, 6, "LOC"));
        assertThat(docs.get(0).sentences().get(1).spans()).isEmpty();
    }

    @Test
    void exactMatchMicroAndPerTypeScores() {
        List<List<NameSpan>> gold = List.of(
                List.of(new NameSpan(0, 2, "PER"), new NameSpan(3, 5, "LOC"), new NameSpan(6, 7, "ORG")),
                List.of(new NameSpan(0, 1, "MISC"), new NameSpan(1, 2, "LOC")));
        List<List<NameSpan>> pred = List.of(
                // PER exact (tp), LOC with the wrong end (fp + fn), ORG typed LOC (fp LOC + fn ORG)
                List.of(new NameSpan(0, 2, "PER"), new NameSpan(3, 4, "LOC"), new NameSpan(6, 7, "LOC")),
                // MISC is ignored on both sides; LOC exact (tp)
                List.of(new NameSpan(0, 1, "MISC"), new NameSpan(1, 2, "LOC")));

        NerEvaluator.Result r = NerEvaluator.score(gold, pred);

        assertThat(r.perType().get("PER")).isEqualTo(new NerEvaluator.Counts(1, 0, 0));
        assertThat(r.perType().get("LOC")).isEqualTo(new NerEvaluator.Counts(1, 2, 1));
        assertThat(r.perType().get("ORG")).isEqualTo(new NerEvaluator.Counts(0, 0, 1));
        assertThat(r.micro()).isEqualTo(new NerEvaluator.Counts(2, 2, 2));
        assertThat(r.micro().precision()).isCloseTo(0.5, within(1e-9));
        assertThat(r.micro().recall()).isCloseTo(0.5, within(1e-9));
        assertThat(r.micro().f1()).isCloseTo(0.5, within(1e-9));
        assertThat(r.perType().get("LOC").f1()).isCloseTo(2 * (1 / 3.0) * 0.5 / (1 / 3.0 + 0.5), within(1e-9));
        assertThat(r.perType().get("ORG").f1()).isZero();
        assertThat(r.table()).contains("micro").contains("50.00");
    }

    @Test
    void trainsWritesAndReloadsATinyModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("-DOCSTART- -X- -X- O\r\n\r\n");
        String[] people = {"John Smith", "Mary Jones", "Peter Brown", "Anna White"};
        String[] places = {"Paris", "London", "Berlin", "Madrid"};
        for (int k = 0; k < 40; k++) {
            String[] p = people[k % 4].split(" ");
            sb.append(p[0]).append(" NNP I-NP I-PER\r\n").append(p[1]).append(" NNP I-NP I-PER\r\n")
                    .append("visited VBD I-VP O\r\n").append(places[k % 4]).append(" NNP I-NP I-LOC\r\n")
                    .append(". . O O\r\n\r\n");
        }
        java.nio.file.Path train = dir.resolve("train.conll");
        java.nio.file.Files.writeString(train, sb.toString());
        java.nio.file.Path model = dir.resolve("m.bin.gz");

        NameFinder trained = NerTrainer.train(new NerTrainer.Options(List.of(train), null, null, 3, 0f, 1, model,
                null, 2));
        NameFinder loaded = NameFinder.load(model, null, null);

        String[] s = {"Mary", "Jones", "visited", "London", "."};
        assertThat(trained.find(s)).containsExactly(new NameSpan(0, 2, "PER"), new NameSpan(3, 4, "LOC"));
        assertThat(loaded.find(s)).isEqualTo(trained.find(s));
        NerEvaluator.Result r = NerEvaluator.evaluate(loaded, train, false);
        assertThat(r.micro().f1()).isEqualTo(1.0);
    }
}
