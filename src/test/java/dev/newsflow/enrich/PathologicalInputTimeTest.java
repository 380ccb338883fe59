package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.text.NormalisedText;
import dev.newsflow.enrich.text.TextNormaliser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile text must cost no more per kilobyte than ordinary news: no backtracking, nothing quadratic. Each input of
 * about 400 KB (the size where a quadratic step shows) is timed against the bundled sample articles in the same
 * JVM, so the budget (20 times their time per KB) holds on a slow or busy machine alike; absolute times are not
 * asserted. Normalisation and the production enricher (dictionary, NER, topics) are both timed.
 */
class PathologicalInputTimeTest {

    private static final int SIZE = 400_000;
    private static final double BUDGET = 20.0;

    private static NewsEnricher enricher;
    private static final TextNormaliser NORMALISER = new TextNormaliser();
    private static double normalNanosPerKb;

    @BeforeAll
    static void measureOrdinaryArticles() throws IOException {
        enricher = new NewsEnricher(NewsEnricher.Shared.loadDefault());
        List<String[]> samples = samples();
        long chars = samples.stream().mapToLong(s -> s[0].length() + s[1].length()).sum();
        // Warm up until the JIT has compiled the hot paths, then keep the fastest pass.
        long best = Long.MAX_VALUE;
        for (int pass = 0; pass < 30; pass++) {
            long start = System.nanoTime();
            for (String[] s : samples) {
                process(s[0], s[1], false);
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        normalNanosPerKb = best / (chars / 1000.0);
    }

    static Stream<Arguments> pathological() {
        return Stream.of(
                text("one word repeated", () -> repeat("sanctions ")),
                text("one capitalised name repeated", () -> repeat("Putin ")),
                text("a full name in every sentence", () -> repeat("Vladimir Putin said so. ")),
                text("a list of 50,000 places", () -> repeat("Iran, Syria, Cuba, France and Russia, ")),
                text("proximity terms without their partner", () -> repeat("Ukraine ")),
                text("one proximity term per sentence", () -> repeat("Ukraine is here. ")),
                text("thousands of people, then their surnames", PathologicalInputTimeTest::peopleThenSurnames),
                text("long runs of capitalised words", PathologicalInputTimeTest::capitalisedRuns),
                text("only punctuation", () -> repeat(".,;:!?\"'()[]-")),
                text("one 400,000-character token", () -> "x".repeat(SIZE)),
                text("dashed words without spaces", () -> repeat("war\u2014")),
                text("invisible and directional characters", () -> repeat("\u202Eabc\u200B\u200Fdef \u0007")),
                html("100,000 nested tags", () -> "<div>".repeat(80_000) + "<b>".repeat(20_000) + "Iran"),
                html("huge flat HTML", () -> repeat("<p>Officials in <b>Tehran</b> said the talks were useful.</p>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathological")
    void costsAtMostTwentyTimesAnOrdinaryArticlePerKilobyte(String name, Supplier<String> body, boolean html) {
        String text = body.get();
        long start = System.nanoTime();
        process("Hostile input", text, html);
        long best = System.nanoTime() - start;
        double ratio = best / (text.length() / 1000.0) / normalNanosPerKb;

        System.out.printf(Locale.ROOT, "%-45s %7d chars %8.1f ms  %5.2fx an ordinary article per KB%n", name,
                text.length(), best / 1e6, ratio);
        assertThat(ratio).as("%s: time per KB relative to ordinary articles", name).isLessThanOrEqualTo(BUDGET);
    }

    private static void process(String title, String body, boolean html) {
        NormalisedText text = NORMALISER.normalise(title, body, html);
        enricher.enrich(new Document("timed", text.title(), text.text(), text.bodyStart(), null, null, null));
    }

    private static Arguments text(String name, Supplier<String> body) {
        return Arguments.of(name, body, false);
    }

    private static Arguments html(String name, Supplier<String> body) {
        return Arguments.of(name, body, true);
    }

    private static String repeat(String unit) {
        return unit.repeat(SIZE / unit.length());
    }

    private static String peopleThenSurnames() {
        Random random = new Random(2);
        StringBuilder out = new StringBuilder(SIZE + 64);
        List<String> surnames = new ArrayList<>();
        while (out.length() < SIZE / 2) {
            String surname = word(random);
            surnames.add(surname);
            out.append("Mr ").append(word(random)).append(' ').append(surname).append(" said. ");
        }
        for (int i = 0; out.length() < SIZE; i++) {
            out.append(surnames.get(i % surnames.size())).append(" agreed. ");
        }
        return out.toString();
    }

    private static String capitalisedRuns() {
        Random random = new Random(1);
        StringBuilder out = new StringBuilder(SIZE + 16);
        while (out.length() < SIZE) {
            out.append(word(random)).append(' ');
        }
        return out.toString();
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int i = 5 + random.nextInt(4); i > 0; i--) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static List<String[]> samples() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String[]> out = new ArrayList<>();
        try (InputStream in = PathologicalInputTimeTest.class.getResourceAsStream("/samples/articles.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode article = json.readTree(line);
                    out.add(new String[] {article.get("title").asText(), article.get("body").asText()});
                }
            }
        }
        return out;
    }
}
