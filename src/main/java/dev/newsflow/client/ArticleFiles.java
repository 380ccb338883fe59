package dev.newsflow.client;

import dev.newsflow.schema.BodyFormat;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/**
 * Turns files into RawArticles the way a simple crawler would: JSON lines (optionally gzipped) give one
 * article a line, a .txt file one article (first line the title), an .html file one article.
 */
public final class ArticleFiles {

    /** What became of one input line or file. */
    public sealed interface Parsed {
        /** Where it came from: {@code file:line} or {@code file}. */
        String location();
    }

    public record Article(String location, RawArticle article) implements Parsed {
    }

    public record Rejected(String location, String reason) implements Parsed {
    }

    private final String sourceName;
    private final String urlBase;

    /**
     * @param sourceName outlet name for text and HTML files
     * @param urlBase    URL prefix for text and HTML files, which carry no URL of their own
     */
    public ArticleFiles(String sourceName, String urlBase) {
        this.sourceName = sourceName;
        this.urlBase = urlBase.endsWith("/") ? urlBase : urlBase + "/";
    }

    /** Reads {@code file}, handing every article or rejection to {@code sink} in order. */
    public void read(Path file, Consumer<Parsed> sink) throws IOException {
        read(file, Long.MAX_VALUE, sink);
    }

    /** As {@link #read(Path, Consumer)}, but stops reading once {@code maxArticles} articles were handed over. */
    public void read(Path file, long maxArticles, Consumer<Parsed> sink) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (isJsonLines(name)) {
            try (InputStream in = open(file, name.endsWith(".gz"))) {
                readJsonLines(file.toString(), in, maxArticles, sink);
            }
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            sink.accept(html(file));
        } else {
            sink.accept(text(file));
        }
    }

    /** How many articles {@code file} holds at most: its non-blank lines if JSON lines, else one. */
    public static long count(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!isJsonLines(name)) {
            return 1;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file, name.endsWith(".gz")),
                StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).count();
        }
    }

    private static boolean isJsonLines(String name) {
        return name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".jsonl.gz") || name.endsWith(".ndjson");
    }

    /** Reads JSON lines from a stream; blank lines are skipped, bad lines rejected with their numbers. */
    public static void readJsonLines(String label, InputStream in, Consumer<Parsed> sink) throws IOException {
        readJsonLines(label, in, Long.MAX_VALUE, sink);
    }

    /** As above, stopping once {@code maxArticles} articles were handed over: the rest of a big file is not parsed. */
    public static void readJsonLines(String label, InputStream in, long maxArticles, Consumer<Parsed> sink)
            throws IOException {
        // Malformed UTF-8 becomes U+FFFD rather than aborting the whole file.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            String line;
            int number = 0;
            long articles = 0;
            while (articles < maxArticles && (line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String location = label + ":" + number;
                try {
                    RawArticle article = ArticleJson.parse(line, Instant.now());
                    articles++;
                    sink.accept(new Article(location, article));
                } catch (ArticleParseException e) {
                    sink.accept(new Rejected(location, e.getMessage()));
                }
            }
        }
    }

    private static InputStream open(Path file, boolean gzip) throws IOException {
        InputStream in = Files.newInputStream(file);
        return gzip ? new GZIPInputStream(in, 65536) : in;
    }

    private Parsed text(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            return new Rejected(file.toString(), "file is empty");
        }
        String title = lines.get(first).trim();
        String body = String.join("\n", lines.subList(first + 1, lines.size())).trim();
        if (body.isEmpty()) {
            return new Rejected(file.toString(), "file has a title line but no body");
        }
        return new Article(file.toString(), article(file, title, body, BodyFormat.TEXT));
    }

    private Parsed html(Path file) throws IOException {
        String html = Files.readString(file, StandardCharsets.UTF_8);
        var doc = Jsoup.parse(html);
        String title = doc.title();
        if (title.isBlank() && doc.selectFirst("h1") != null) {
            title = doc.selectFirst("h1").text();
        }
        if (doc.body() == null || doc.body().text().isBlank()) {
            return new Rejected(file.toString(), "HTML file has no body text");
        }
        return new Article(file.toString(), article(file, title, doc.body().html(), BodyFormat.HTML));
    }

    private RawArticle article(Path file, String title, String body, BodyFormat format) {
        String fileName = file.getFileName().toString();
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String url = urlBase + stem.replaceAll("[^A-Za-z0-9._-]", "-");
        return RawArticle.newBuilder()
                .setId(ArticleJson.sha1(url).substring(0, 16))
                .setUrl(url)
                .setSource(new Source(sourceName, null))
                .setTitle(title)
                .setBody(body)
                .setBodyFormat(format)
                .setLanguage(null)
                .setPublishedAt(null)
                .setFetchedAt(Instant.now())
                .build();
    }
}
