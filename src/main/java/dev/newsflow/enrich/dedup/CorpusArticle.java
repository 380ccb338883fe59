package dev.newsflow.enrich.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.text.NormalisedText;
import dev.newsflow.enrich.text.TextNormaliser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * One article of a JSON-lines corpus such as AllSides (id, url, title, body, published), normalised the way the
 * pipeline normalises a plain-text RawArticle, for the de-duplication evaluation and the common-shingle builder.
 *
 * @param position    0-based line number in the file
 * @param publishedAt start of the published day in epoch milliseconds (UTC), or -1 when the corpus has no date
 */
public record CorpusArticle(int position, String id, String url, NormalisedText text, long publishedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads every article of {@code file} (gzip'd when it ends in .gz) in file order. */
    public static void read(Path file, Consumer<CorpusArticle> sink) throws IOException {
        TextNormaliser normaliser = new TextNormaliser();
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int position = 0;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                NormalisedText text = normaliser.normalise(n.path("title").asText(""), n.path("body").asText(""), false);
                sink.accept(new CorpusArticle(position++, n.path("id").asText(), n.path("url").asText(""), text,
                        day(n.path("published").asText(""))));
            }
        }
    }

    private static long day(String published) {
        try {
            return LocalDate.parse(published).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
