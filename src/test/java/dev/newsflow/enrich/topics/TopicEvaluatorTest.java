package dev.newsflow.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.entities.AliasDictionary;
import dev.newsflow.enrich.entities.EntityLinker;
import dev.newsflow.enrich.entities.KnowledgeBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The external topic checks read their files as the shared data ships them: RUWA zipped, MUC-3/4 as JSON lines. */
class TopicEvaluatorTest {

    private static final String RULES = """
            version: eval-test
            topics:
              - {id: ukraine-war, label: Ukraine war, terms: [invasion]}
              - {id: terrorism, label: Terrorism, terms: [bombing]}
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final TopicEvaluator evaluator = new TopicEvaluator(Taxonomy.parse(RULES),
            new EntityLinker(AliasDictionary.of(KnowledgeBase.of("kb-test", ""))));

    @Test
    void ruwaRecallReadsTheTitlesOfTheZippedCsvAndSkipsMacMetadata() throws Exception {
        Path zip = dir.resolve("ruwa.csv.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("__MACOSX/._ruwa.csv"));
            z.write(new byte[] {0, 1, 2});
            z.putNextEntry(new ZipEntry("ruwa.csv"));
            z.write(("idx,src,desc,title,ref\n0,https://a.example,,\"Invasion: troops cross the border\",x\n"
                    + "1,https://b.example,,\"Satellite images of a town\",y\n").getBytes(StandardCharsets.UTF_8));
        }

        assertThat(evaluator.ruwaRecall(zip, true, out)).isEqualTo(0.5);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("FN ukraine-war headline 2: Satellite images")
                .contains("1 / 2 = 0.5000");
    }

    @Test
    void mucScoresCountRelevantDocumentsAsPositivesPerSplit() throws Exception {
        Path muc = Files.writeString(dir.resolve("muc.jsonl"), String.join("\n",
                "{\"docid\":\"D1\",\"split\":\"dev\",\"text\":\"A bombing in the capital killed two. Police said the "
                        + "bombing was the third.\",\"terrorism_relevant\":\"True\"}",
                "{\"docid\":\"D2\",\"split\":\"dev\",\"text\":\"The bombing of the old bridge was planned. The "
                        + "bombing began in 1944.\",\"terrorism_relevant\":\"False\"}",
                "{\"docid\":\"D3\",\"split\":\"dev\",\"text\":\"Guerrillas attacked a post.\","
                        + "\"terrorism_relevant\":\"True\"}",
                "{\"docid\":\"T1\",\"split\":\"tst1\",\"text\":\"Nothing happened today.\","
                        + "\"terrorism_relevant\":\"False\"}"));

        evaluator.mucScores(muc, true, out);

        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("dev        3 documents  P 0.500  R 0.500  (tp 1, fp 1, fn 1)")
                .contains("tst1       1 documents  P 0.000  R 0.000  (tp 0, fp 0, fn 0)")
                .contains("FP terrorism D2").contains("FN terrorism D3");
    }
}
