package dev.newsflow.enrich.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.Document;
import dev.newsflow.enrich.text.NormalisedText;
import dev.newsflow.enrich.text.TextNormaliser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Real AllSides articles for the benchmarks, read from the shared JSON-lines file and normalised once. */
final class ArticleCorpus {

    /** Environment variable naming the articles file; forks inherit it, unlike a system property. */
    static final String FILE_VARIABLE = "NEWSFLOW_ARTICLES";
    private static final String DEFAULT_FILE = "../shared/data/stream/allsides_articles.jsonl.gz";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One article: the raw fields, the enricher's input, and sizes in UTF-8 bytes for the bytes/s counters.
     */
    record Article(String title, String body, String url, Document document, int rawBytes, int textBytes) {
    }

    private ArticleCorpus() {
    }

    static Path file() {
        String configured = System.getenv(FILE_VARIABLE);
        return Path.of(configured == null || configured.isBlank() ? DEFAULT_FILE : configured);
    }

    /** The first {@code limit} articles with a title and a body, normalised as plain text. */
    static List<Article> load(int limit) throws IOException {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(missingMessage());
        }
        TextNormaliser normaliser = new TextNormaliser();
        List<Article> articles = new ArrayList<>(limit);
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while (articles.size() < limit && (line = lines.readLine()) != null) {
                JsonNode n = JSON.readTree(line);
                String title = n.path("title").asText("");
                String body = n.path("body").asText("");
                if (title.isBlank() || body.isBlank()) {
                    continue;
                }
                NormalisedText text = normaliser.normalise(title, body, false);
                // no declared language, so the benchmarks include language identification
                Document document = new Document(n.path("id").asText(), text.title(), text.text(), text.bodyStart(),
                        null, null, null);
                articles.add(new Article(title, body, n.path("url").asText(""), document,
                        utf8Length(title) + utf8Length(body), utf8Length(text.text())));
            }
        }
        if (articles.isEmpty()) {
            throw new IllegalStateException("no article with a title and a body in " + file);
        }
        return List.copyOf(articles);
    }

    static String missingMessage() {
        return "newsflow JMH benchmarks skipped: no article corpus at " + file().toAbsolutePath()
                + " (set " + FILE_VARIABLE + " to the AllSides allsides_articles.jsonl.gz)";
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
