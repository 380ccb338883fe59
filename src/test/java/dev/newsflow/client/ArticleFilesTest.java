package dev.newsflow.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.BodyFormat;
import dev.newsflow.schema.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {

    @TempDir
    Path dir;

    @Test
    void jsonLinesBecomeArticlesAndBadLinesAreReportedWithTheirNumbers() throws IOException {
        String lines = String.join("\n",
                "{\"id\":\"a1\",\"url\":\"https://example.com/a1\",\"source\":{\"name\":\"Wire\"},\"title\":\"T\",\"body\":\"B\","
                        + "\"publishedAt\":\"2022-07-19T10:00:00Z\",\"authors\":\"A. One, B. Two\"}",
                "",
                "{not json",
                "{\"id\":\"a3\",\"source\":\"Wire\",\"title\":\"T\",\"body\":\"B\"}",
                "{\"url\":\"https://www.example.com/x\",\"source\":\"The Hill\",\"source_url\":\"www.thehill.com\","
                        + "\"title\":\"T\",\"body\":\"B\",\"published\":\"2020-01-02\"}");
        List<ArticleFiles.Parsed> parsed = new ArrayList<>();

        ArticleFiles.readJsonLines("in.jsonl", new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), parsed::add);

        assertThat(parsed).hasSize(4);
        RawArticle first = ((ArticleFiles.Article) parsed.get(0)).article();
        assertThat(first.getId()).isEqualTo("a1");
        assertThat(first.getPublishedAt()).isEqualTo(Instant.parse("2022-07-19T10:00:00Z"));
        assertThat(first.getAuthors()).containsExactly("A. One", "B. Two");
        assertThat(parsed.get(1)).isEqualTo(new ArticleFiles.Rejected("in.jsonl:3", ((ArticleFiles.Rejected) parsed.get(1)).reason()));
        assertThat(((ArticleFiles.Rejected) parsed.get(1)).reason()).startsWith("not valid JSON");
        assertThat(parsed.get(2)).isEqualTo(new ArticleFiles.Rejected("in.jsonl:4", "missing field 'url'"));
        RawArticle allSides = ((ArticleFiles.Article) parsed.get(3)).article();
        assertThat(allSides.getId()).hasSize(16);
        assertThat(allSides.getSource().getDomain()).isEqualTo("thehill.com");
        assertThat(allSides.getPublishedAt()).isEqualTo(Instant.parse("2020-01-02T00:00:00Z"));
    }

    @Test
    void textAndHtmlFilesAreOneArticleEach() throws IOException {
        Path text = Files.writeString(dir.resolve("talks.txt"), "\nTalks resume\nFirst paragraph.\n\nSecond.");
        Path html = Files.writeString(dir.resolve("page.html"),
                "<html><head><title>Page title</title></head><body><p>Hello</p></body></html>");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "  \n");
        ArticleFiles files = new ArticleFiles("Local", "https://example.org/a");
        List<ArticleFiles.Parsed> parsed = new ArrayList<>();

        files.read(text, parsed::add);
        files.read(html, parsed::add);
        files.read(empty, parsed::add);

        RawArticle fromText = ((ArticleFiles.Article) parsed.get(0)).article();
        assertThat(fromText.getTitle()).isEqualTo("Talks resume");
        assertThat(fromText.getBody()).isEqualTo("First paragraph.\n\nSecond.");
        assertThat(fromText.getUrl()).isEqualTo("https://example.org/a/talks");
        RawArticle fromHtml = ((ArticleFiles.Article) parsed.get(1)).article();
        assertThat(fromHtml.getTitle()).isEqualTo("Page title");
        assertThat(fromHtml.getBodyFormat()).isEqualTo(BodyFormat.HTML);
        assertThat(parsed.get(2)).isInstanceOf(ArticleFiles.Rejected.class);
    }

    @Test
    void aLimitStopsReadingAfterThatManyArticlesCountingNoRejectedLines() throws IOException {
        Path file = Files.writeString(dir.resolve("many.jsonl"), String.join("\n",
                "{\"url\":\"https://example.com/1\",\"source\":\"Wire\",\"body\":\"B\"}",
                "{not json",
                "{\"url\":\"https://example.com/2\",\"source\":\"Wire\",\"body\":\"B\"}",
                "{\"url\":\"https://example.com/3\",\"source\":\"Wire\",\"body\":\"B\"}"));
        List<ArticleFiles.Parsed> parsed = new ArrayList<>();

        new ArticleFiles("Local", "https://example.org/a").read(file, 2, parsed::add);

        assertThat(parsed).extracting(ArticleFiles.Parsed::location)
                .containsExactly(file + ":1", file + ":2", file + ":3");
    }
}
